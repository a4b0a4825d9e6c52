"""How clients say an option of one question in their own words, by question (the node's text key)
and option code: "sleeping in my car" is no steady place, "they cut the lights" is already shut off.

Merged by `bot.understanding.answers` with the option's label, the flow's synonyms and the generic
answers; the matcher's guards (negation, two options at once → ask again) apply to them too.
Written per concept, not from individual messages. Non-English entries are the project's own work.
"""

PARAPHRASES: dict[str, dict[str, dict[str, list[str]]]] = {
    "screening.living": {
        "steady": {
            "en": ["own my house", "my own place", "my own spot", "my own apartment", "my apt", "my house", "house paid off",
                   "im good there", "no problems", "i live with my mom", "its her house", "stable", "im good", "i rent its fine"],
            "es": ["tengo donde vivir", "mi casa", "casa propia", "mi propia casa", "estamos bien", "rento", "alquilo",
                   "apartamento propio", "vivo bien", "estable"],
            "vi": ["có nhà", "nhà riêng", "nhà của tôi", "ổn định", "thuê nhà ổn", "ở ổn", "nhà mình"],
            "zh_Hans": ["有地方住", "自己的房子", "稳定", "租房 没问题", "住得好", "有屋企", "自己屋企"],
            "ht": ["kay pa m", "kay mwen", "m gen kote pou m rete", "m byen", "estab", "m lwe kay la"],
            "ar": ["بيتي", "عندي بيت", "عندي شقه", "مستقر", "شقتي", "ساكن كويس", "الحمد لله مستقر"],
        },
        "worried": {
            "en": ["landlord wants us out", "landlord is selling", "behind on rent", "might lose", "maybe lose it",
                   "foreclosure", "eviction notice", "lease ends", "not renewing", "cant pay rent", "cant pay it",
                   "about to get evicted", "worried about losing"],
            "es": ["me quieren sacar", "nos quieren sacar", "atrasado con la renta", "atrasada con la renta", "desalojo",
                   "me van a desalojar", "el dueño vende", "no puedo pagar la renta", "puedo perder", "preocupada",
                   "preocupado", "se acaba el contrato"],
            "vi": ["sợ mất nhà", "chủ nhà đuổi", "nợ tiền nhà", "trễ tiền nhà", "sắp bị đuổi", "lo mất nhà", "chủ bán nhà"],
            "zh_Hans": ["怕没地方住", "房东要赶", "欠租", "交不起租", "担心", "房东卖房", "合同到期"],
            "ht": ["pè pèdi kay", "met kay la vle mete m deyo", "dèyè nan lwaye", "m pa ka peye lwaye", "enkyete"],
            "ar": ["خايف اخسر", "صاحب البيت عايز يطلعنا", "متأخر في الايجار", "مش قادر ادفع الايجار", "قلقان", "قلقانه",
                   "اخلاء"],
        },
        "no_steady": {
            "en": ["staying at my cousins", "staying with my sister", "staying with friends", "motel", "hotel",
                   "extended stay", "sleeping in my car", "living in my car", "living in my truck", "in my truck",
                   "shelter", "homeless", "on the street", "couch", "got evicted", "no place", "nowhere to stay"],
            "es": ["en un hotel", "en un motel", "en el carro", "en mi carro", "albergue", "refugio", "en la calle",
                   "sin casa", "con mi prima", "con mi hermana", "con unos amigos", "nos desalojaron", "no tengo donde"],
            "vi": ["ở nhờ", "ở tạm", "khách sạn", "nhà tạm trú", "ngủ trong xe", "ngoài đường", "vô gia cư", "không có nhà"],
            "zh_Hans": ["住朋友家", "住亲戚家", "住酒店", "住旅馆", "收容所", "睡车里", "街上", "无家可归", "冇地方住", "没地方住"],
            "ht": ["lakay kouzen m", "lakay zanmi", "nan otèl", "nan machin", "nan lari", "abri", "m pa gen kay"],
            "ar": ["عند قرايبي", "عند صحابي", "في فندق", "في العربيه", "في السياره", "في الشارع", "ملجأ", "ما عندي بيت",
                   "مش لاقي سكن"],
        },
    },
    "screening.utilities": {
        "yes": {
            "en": ["disconnect notice", "shut off notice", "shutoff notice", "pink notice", "cut off date", "final notice"],
            "es": ["aviso de corte", "me van a cortar", "nos van a cortar", "amenazaron con cortar"],
            "vi": ["thông báo cắt", "sắp cắt", "dọa cắt"],
            "zh_Hans": ["停电通知", "要断", "威胁断"],
            "ht": ["avi koupe", "yo pral koupe"],
            "ar": ["انذار قطع", "هيقطعوا", "هددوا يقطعوا"],
        },
        "shut_off": {
            "en": ["already cut", "cut it off", "cut off", "no lights", "lights off", "in the dark", "gas been off",
                   "water off", "no power", "alredy shutoff", "already shutoff", "they cut"],
            "es": ["ya nos cortaron", "ya me cortaron", "nos cortaron", "sin luz", "sin agua", "sin gas"],
            "vi": ["bị cắt rồi", "cắt điện rồi", "cắt nước rồi", "không có điện", "không có ga", "ko co ga"],
            "zh_Hans": ["已经断了", "停了电", "断水", "断电", "冇电", "没电", "没有煤气"],
            "ht": ["yo koupe", "deja koupe", "pa gen kouran", "pa gen dlo"],
            "ar": ["قطعوا", "قطعوها", "مفيش كهربا", "ما في كهربا", "مفيش ميه", "مقطوعه"],
        },
    },
}
