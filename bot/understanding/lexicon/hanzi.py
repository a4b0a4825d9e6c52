"""Traditional → Simplified characters for the words our lexicons use.

We serve Simplified Chinese only, but a client may type Traditional characters; mapping the
characters that occur in our lexicons lets "幫助" match "帮助" without a full conversion library.
Only one-to-one mappings are listed (ambiguous ones such as 乾/干 are left out on purpose).
"""

_PAIRS = (
    "幫帮 訊讯 說说 話话 殺杀 們们 報报 發发 簡简 語语 變变 開开 從从 頭头 過过 個个 為为 這这 會会 沒没"
    " 麼么 傷伤 醫医 藥药 氣气 臟脏 錢钱 東东 時时 對对 還还 經经 當当 無无 應应 問问 題题 電电 點点 邊边"
    " 種种 機机 號号 碼码 買买 賣卖 飯饭 餓饿 車车 線线 給给 體体 學学 現现 實实 總总 長长 處处 後后 裡里 裏里"
    " 見见 親亲 讓让 謝谢 請请 轉转 選选 擇择 單单 項项 費费 務务 員员 蟲虫 黴霉 鉛铅 爐炉 煙烟 檢检 測测"
    " 訂订 閱阅 斷断 絕绝 厭厌 殘残 槍枪 脅胁 嚇吓 難难 癲癫 癇痫 搶抢 護护 緊紧 暈晕 腦脑 風风 壓压 劑剂"
    " 擊击 毆殴 著着 別别 來来 該该 關关 係系 愛爱 兒儿 媽妈 驗验 際际 換换 設设 擁拥 負负 責责 幾几 歲岁"
    " 歡欢 聽听 覺觉 視视 錯错 與与 並并 卻却 嗎吗 麵面 飢饥 饑饥 層层 熱热 燈灯 燒烧 壞坏 滅灭 連连 絡络"
    " 聯联 繫系 鬧闹 寫写 條条 門门 鎖锁 戶户 區区 縣县 鄉乡 鎮镇 濟济 險险 讀读 認认 識识 計计 劃划 講讲"
    " 聲声 響响 靜静 錄录 據据 價价 滿满 濕湿 蓋盖 牆墙 蟻蚁 螞蚂 廚厨 霧雾 偵侦 滲渗 導导 漢汉 華华 國国"
    " 組组 織织 團团 隊队 憂忧 鬱郁 撐撑 離离 結结 辦办 義义 幹干 罵骂 輕轻 緒绪 樓楼 橋桥 產产 陣阵 懷怀"
    " 嬰婴 腫肿 嚨咙 資资 優优 補补 貼贴 領领 糧粮 購购 兩两 紀纪 準准 隻只 衝冲 鬆松 髮发 龍龙 廣广 歐欧"
    " 寧宁 魚鱼 雞鸡 鳥鸟 馬马 門门 間间 閒闲 聞闻 鐘钟 錶表 陽阳 陰阴 雲云 湯汤 溫温 壺壶 戲戏 級级 紅红"
    " 擾扰 刪删 傳传 騷骚 煩烦 註注 冊册 農农 癱瘫 燙烫 繩绳 遺遗 書书 綁绑 蹤踪 嘔呕 瀉泻 臉脸 頸颈 擠挤"
    " 飲饮 鐵铁 載载 腳脚 慮虑 彈弹 勞劳 動动 態态 願愿 歸归 屍尸 墜坠 滾滚 淚泪 帶带 揮挥 簽签 攔拦 趕赶"
)

TRADITIONAL_TO_SIMPLIFIED: dict[str, str] = {pair[0]: pair[1] for pair in _PAIRS.split()}
