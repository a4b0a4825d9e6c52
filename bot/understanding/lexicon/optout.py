"""Opt-out words beyond our six languages' command lists: the languages most spoken in US homes,
decorated spellings, explicit requests, and the probable opt-outs that are not certain.

CERTAIN_WORDS: the whole message (give or take fillers) is one of these, however spaced or
decorated ("S T O P", "s.t.o.p", "stoooop", "ST0P", "س ت و ب") → a certain opt-out.
CERTAIN_PHRASES: explicit requests anywhere in a message (pattern syntax of `bot.understanding.phrases`),
not right after a negation.
PROBABLE: the whole message is one of these ("enough", "wrong number", "够了") → stop automated texts
and ask to confirm.
NOT_OPTOUT: a message with one of these asks for something else ("dont text me after 9", "send me
Chinese instead"): its opt-out phrases do not count.
Entries in languages other than English are the project's own work.
"""

CERTAIN_WORDS: list[str] = [
    # our six and their neighbours
    "stop", "stop it", "stop this", "stop now", "just stop", "stop already", "stop that", "stopp", "stp", "回td", "stpo", "sotp", "stopall", "unsubscribe", "unsub", "optout", "td", "停止", "停", "退订",
    "ستوب", "وقف", "توقف", "بطلوا", "بطلو", "بطل", "وقفوا", "وقفو", "اوقفوا", "الغي", "الغوا", "الغي الاشتراك", "بلوك", "stop stop", "dezabone", "arete", "sispann",
    # French, Spanish, Portuguese, Italian, German, Polish, Tagalog
    "arret", "arrete", "arretez", "arreter", "desinscription", "desabonner", "desinscrire", "sair", "parar", "pare",
    "cancelar", "basta", "stopp", "abmelden", "abbestellen", "wypisz", "wypisz mnie", "tigil", "tigil na", "ihinto",
    # Russian, Korean, Japanese, Persian, Urdu, Hindi, Bengali, Gujarati, Punjabi, Nepali, Tamil, Telugu, Somali,
    # Amharic
    "стоп", "отписаться", "хватит", "그만", "수신거부", "중지", "配信停止", "停止してください", "やめて", "لغو", "لغو عضویت",
    "بند کریں", "بند کرو", "बंद करो", "बंद करें", "band karo", "bandh karo", "বন্ধ করুন", "বন্ধ করো", "બંધ કરો",
    "ਬੰਦ ਕਰੋ", "रोक्नुहोस्", "बन्द गर्नुहोस्", "நிறுத்து", "நிறுத்துங்கள்", "ఆపండి", "ఆపు", "jooji", "ቁም", "አቁም",
]

CERTAIN_PHRASES: list[str] = [
    # English
    "(stop|quit|cease) (texting|txting|txtin|texing|messaging|sending|blowing up) [me|my phone]",
    "(dont|do not|never) (text|txt|message|msg|contact|send) (me|anything|nothing) [again|anymore|no more]",
    "(lose|delete|remove|erase) my (number|#|info|contact)", "take me off [the|your|this] (list|texts)",
    "(i )?(didnt|did not|never) (sign up|signed up|ask|asked) for this", "leave me (tf |the f |the hell )?alone",
    "(f|fuck|fck|fk|eff) off", "i said stop", "this is spam", "unsubscribe me", "opt me out",
    # Spanish
    "(no|ya no) me (manden|mande|escriban|escriba|envien|textee|texteen|vuelvan a) [mas|mensajes|a textear|a escribir]",
    "(dejen|deje|para|paren|pare) de (mandarme|escribirme|enviarme|textearme|joder)", "(dejenme|dejame|déjenme) en paz",
    "(quiten|quitenme|saquenme|borren|eliminen) (mi numero|de la lista|mi número)", "no (quiero|kiero) (recibir )?mas mensajes",
    "ya no (quiero|kiero) mensajes", "no autorizo", "(basta|ya basta) de mensajes", "cancelar mensajes",
    "(para|paren) (ya )?(de|con) (los )?(mensajes|textos)",
    # Vietnamese
    "(đừng|ko|không|dung|k) (nhắn|gửi|nhan|gui) (tin )?(nữa|cho tôi|cho tui)", "(không|ko|k) muốn nhận tin",
    "(xóa|xoá|bỏ|cho) (số|tôi|tui) ... (khỏi|ra khỏi) (danh sách|ds)", "đừng làm phiền", "biến đi", "block luôn",
    "(ko|không|k) nhắn tin nữa", "stop nhắn tin",
    # Chinese (after normalizing: simplified, one character per token)
    "(别|不要|唔好|不用)[再](发|send|打扰|联系|烦)", "(删|删掉|删除)(我的)?(号码)", "取消短信", "拉黑", "别烦我", "不要联系我",
    "bu yao zai fa", "ting zhi", "stop发短信", "别发了",
    # Haitian Creole
    "kite (m|mwen) (anrepo|anpe|anpè|trankil)", "(m|mwen) pa t enskri", "(arete|sispann|rete) voye mesaj",
    "(m|mwen) pa vle (resevwa|tande) ... (mesaj|pale)", "pa voye mesaj ban (m|mwen)", "dezabone (m|mwen)",
    # Arabic (and Arabizi)
    "(امسحوا|امسح|شيلوا|شيل|احذفوا) رقمي", "(ما|مش) (بدي|ابي|ابغى|عايز|عايزه) (رسايل|رسائل)", "ما اشتركت",
    "(سيبوني|اتركوني|خلوني) (في|ف) حالي", "حلوا عني", "(لا|ما) (تبعتوا|تبعتولي|تبعتلي|ترسلوا|ترسلون|ترسلولي|تدزون)",
    "(بطلوا|وقفوا|وقف) (الرسايل|الرسائل|رسايل|رسائل|تدزون)", "(كفايه|كفاية) رسايل", "متبعتوليش", "انقلعوا",
    "(la|ma|mat) (tb3atli|tb3atoli|tb3toli|teb3atli|tb3atlish|tb3atolish)", "matb3tolish", "matb3atlish", "bala rasa2el",
    # French, Portuguese, Italian, German, Polish, Tagalog
    "(arretez|arrete|arreter) de (m|menvoyer|mecrire|mappeler)", "ne (mecrivez|menvoyez|mecris|menvoie) plus", "(laissez moi|laisse moi) tranquille",
    "foutez moi la paix", "(para|pare|parem) de me mandar", "nao (quero|me mande|mande) mais", "me (tira|tire) da lista",
    "me deixa em paz", "non (mandatemi|mandarmi|scrivetemi) piu", "cancellatemi", "lasciatemi in pace",
    "(keine|nicht mehr) (sms|nachrichten)", "(hort|hoert|hören) auf", "schreiben sie mir nicht", "lasst mich in ruhe",
    "nie (piszcie|wysylajcie|wysyłać)", "(przestancie|przestańcie) (do mnie )?pisac", "dajcie mi spokoj",
    "(huwag|wag) na (po )?(kayong )?mag text", "tigilan (nyo|niyo) na ako", "(pakitanggal|tanggalin) (na )?(po )?ang number",
    "stop na po", "basta (messaggi|sms)", "fariimaha jooji", "ha ii soo (dirin|qorin)", "አትላኩልኝ", "ተዉኝ", "አትረብሹኝ",
    "atlakulign", "नपठाउनुहोस्", "बन्द गर्नुहोस्", "band garnus", "தொந்தரவு பண்ணாதீங்க", "anuppatheenga", "stop pannunga",
    "ਨਾ ਭੇਜੋ", "ਬੰਦ ਕਰੋ", "(不要|别)再(打扰|传|發|发)", "(号码)(删掉|删除)", "(para|paren) ya de", "no necesito (sus|tus) mensajes",
    "unsubscribe (me|mwen|m)", "(ما|مش) (تبعتليش|تبعتوليش)", "ومتبعتوليش",
    # Broader shapes: a "stop / don't" word, a "send / write / bother" verb, and "me" or "messages", as people
    # build the request in each language rather than a list of whole sentences.
    "(stop|quit|no more|enough|cancel|end) [the|these|ur|your|all|all the|with the] (texts|txts|txt|msgs|msg|messages|sms"
    "|texting|spam|spamming|notifications|alerts|reminders)",
    "(dont|do not|never|pls dont|please dont|stop|quit) (ever )?(text|txt|texting|txting|msg|message|messaging|contact"
    "|contacting|bother|bothering|spam|spamming|bug|bugging|send) (me|my (phone|number|cell)|this number)",
    "(i|i really) (dont|do not|no longer) (want|need|wanna) [to get|to receive|any|any more] (these|your|ur|this|any|the"
    "|more) (texts|txts|msgs|messages|sms|spam)",
    "(remove|take|delete|erase|drop) (me|my number|my #|my info) (off|from) [the|your|ur|this|that] (list|system|contacts"
    "|database|texts)", "(blocking|block|reporting|report) (this|ur|your|the) (number|#|texts)",
    "(wrong|rong) (number|#) ... (stop|dont|remove|delete)", "(opt|opting|opted) (me )?out",
    "(no|nunca) me (manden|mandes|mande|escriban|escribas|escriba|envien|envies|textee|texteen|texteas|contacten"
    "|contactes) (mas|mensajes|textos|msj|nada|nunca|ningun|ninguno)",
    "(ya no|no mas|nunca mas) me (manden|mandes|mande|escriban|escribas|escriba|envien|envies|textee|texteen|texteas"
    "|contacten|contactes)", "(no|ya no|nunca) me (molesten|molestes|moleste)",
    "(dejen|deja|deje|dejes|paren|para|pare) de (mandarme|escribirme|enviarme|textearme|molestarme|contactarme|mandar"
    " mensajes|enviar mensajes)", "(darme|dar|me doy|doy|denme|dame|deme) de baja",
    "(borren|borra|borre|quiten|quita|quite|saquen|saca|saque|eliminen|elimina|elimine) (mi numero|mi informacion|mi"
    " contacto|mi telefono|me de)", "(no|ya no) (quiero|kiero|necesito|deseo) (recibir )?(mas )?(mensajes|textos|msj"
    "|sus mensajes|tus mensajes)", "(no|nunca) me (inscribi|registre|suscribi|apunte)",
    "(paren|para|pare|basta|ya basta|alto|ya) (con )?(los |sus |tus |estos )?(mensajes|textos|msj|mensajitos)",
    "(đừng|dung|ko|không|khong|k|hong|hổng) (nhắn|nhan|gửi|gui|text|làm phiền|lam phien|liên lạc|lien lac) (tin|cho"
    " tôi|cho tui|cho em|cho toi|nữa|nua|tôi|tui|em)", "(ngừng|ngung|dừng|thôi|thoi) (nhắn|nhan|gửi|gui|text) [tin]",
    "(hủy|huỷ|huy) (đăng ký|dang ky|đk|dk|tin nhắn|tin nhan|nhận tin)",
    "(xóa|xoá|xoa|bỏ|bo) (số|so) (tôi|tui|em|của tôi|cua toi|điện thoại|dien thoai)",
    "(tôi|tui|em|toi) (không|ko|k|khong|đâu có|dau co) (đăng ký|dang ky|đk|dk)",
    "(不要|别|唔好|勿|咪|不准)[再](发|传|send|寄|打扰|骚扰|烦|联系|搞)", "(删|删除|删掉)[我][的](号码|电话|资料)",
    "(取消|退出|停止)(订阅|短信|信息|讯息|服务|通知|发送)", "(停止|停)(发|传)", "我(没有|冇|没|无)(报名|注册|登记|订阅|申请)",
    "(拉黑|举报|投诉)", "(不要|别|唔好|勿|咪|不准)[再](给|俾|跟|同|帮)(我)(发|传|send|寄|联系|打扰)",
    "(短信|信息|讯息|消息|短讯)(不要|别|唔好)[再](发|传|send)", "(不|唔)(想|要)[再](收|接收)[到][你们|你哋][的](短信|信息|讯息|消息|短讯)",
    "(بطلوا|وقفوا|بطل|وقف|بطلو|وقفو) (تبعتوا|تبعتولي|تبعت|تبعتو|ترسلوا|ترسل|ترسلو|تراسلوني|تراسلني|تكلموني|تدزون)",
    "(batlo|ba6lo|batal|wa2fo|w2fo|wa2ef|bala|balash|blash) (tb3to|teb3ato|tab3ato|tb3atoli|rasayel|rasa2el|msgs|messages|tersel)",
    "(sispann|arete|rete|stop|ase|pa) (voye|ekri|deranje|kontakte|anmède|anmede|bay) (m|mwen|mesaj|tèks|teks)",
    "(pa|pa janm|pinga) (voye|ekri) (m|mwen|mesaj|anyen|teks|tèks)", "(retire|efase|wete|retire) (m|mwen|nimewo (m|mwen))",
    "(kite|kitem) (m|mwen) (an repo|an pe|an pè)", "fout (m|mwen) (lape|la pe|lapè)",
    "(m|mwen) pa (vle|bezwen) (mesaj|tèks|teks|sevis) (nou|sa yo|ankò|anko|sa a)", "(m|mwen) pa (janm )?(enskri|mande sa)",
    "(لا|ما|مش|بلاش|ولا|وما|ومش|فلا|ماعاد|ما عاد|عاد لا) (تبعت|تبعتو|تبعتوا|تبعتلي|تبعتولي|تراسلني|تراسلوني|ترسل|ترسلو|ترسلوا|ترسلي|ترسلولي|تكلمني"
    "|تكلموني|تزعجني|تزعجوني|تبعث|تبعثو|تبعثلي|تبعثولي|ترسلون)",
    "(متبعتليش|ماتبعتليش|متبعتوش|متراسلنيش|ماتبعثليش|متبعتش|ماتبعتش|متكلمنيش|متزعجنيش|ماترسلوش|ماترسليش)",
    "(بطل|بطلوا|بطلو|وقف|وقفو|وقفوا|اوقف|اوقفوا|كفايه|كفاية|خلاص) (رسايل|رسائل|الرسايل|الرسائل|ترسل|ترسلو|تبعت|تبعتو"
    "|تراسل|مسجات|المسجات|ازعاج)",
    "(شيل|شيلو|شيلوا|امسح|امسحو|امسحوا|احذف|احذفو|احذفوا|الغي|الغو|الغوا|الغاء) (رقمي|اسمي|اشتراكي|الاشتراك|نمرتي|النمره)",
    "(مابدي|مابي|ماابي|ماابغى|مابغى|ماعايز|ماعايزه|مابدنا) (رسايل|رسائل|مسجات|اي رسايل|اي رسائل|الرسايل|الرسائل)",
    "(بلاش|بلا|لا|مش عايز|مش عايزه|بدون) (رسايل|رسائل|مسجات) (تاني|بعد|منكم|مره تانيه|ابدا)",
    "(مش|ما|لا) (عايز|عايزه|عاوز|عاوزه|بدي|ابي|ابغى|اريد) (رسايل|رسائل|مسجات|اي رسايل|اي رسائل|الرسايل|الرسائل)",
    "(سيبني|سيبوني|اتركني|اتركوني|خليني|خلوني) [في|ف|ب] (حالي|لحالي|بحالي|في حالي)", "(حل|حلوا|حلو|ابعد|ابعدوا|ابعدو) عني",
    "(انا )?(ما|مش|لم) (اشتركت|سجلت|طلبت) (في|ف|ب)? ?(حاجه|شي|شيء|اي حاجه|الخدمه|ده|هذا|هاد)",
    "(mat|ma|la|mesh|matb3atsh) (tab3atli|teb3atli|tb3tli|tba3tli|tb3atly|tersel|terselli|terseli|tkallemni|tkalemni"
    "|tb3atoli|tb3atuli|tebaatli|tb3tuli)", "(shilo|sheel|shil|imsa7|emsa7|ms7|im7y|e7zef) (raqmi|ra2mi|nemerti|nmrti|rakmi)",
    "(bas|khalas|5alas|kfaya|kefaya|befa) (rasayel|rasa2el|msgs|messages|mesajat)",
    "(sebni|sibni|sebony|seebuni|etrekni|itrukni|khallini) (f |fi )?(7ali|hali|fe 7ali)",
    # Korean, Russian, Japanese, Persian, Urdu, Hindi, Bengali, Gujarati, Telugu
    "그만 보내*", "보내지 마*", "연락하지 마*", "귀찮게 하지*", "не пишите", "хватит (мне )?писать", "остановите рассылку",
    "отстаньте", "(не|больше не) (присылайте|пишите|отправляйте|беспокойте)", "удалите (мой номер|меня)", "отписк*",
    "прекратите", "수신 거부", "문자 (그만|보내지)", "그만해*", "(文字|メッセージ|メール) (を )?(送らないで|いらない)",
    "دیگه پیام", "(msg|message|sms|messages) (mat|na|nahi) (bhejo|bhejna|bhejiye|karo)", "मैसेज (मत|ना|बंद)",
    "(wag|huwag) (nyo|niyo|mo)? (na )?(ako )?(i text|itext|itxt|mag text|mensahe|padalhan)", "ayoko na (ng|sa) (text|mensahe)",
    "(tanggalin|alisin) (nyo|niyo|mo)? (na )?(ako|number ko|numero ko)", "(nao|não) (me )?(mande|mandem|envie|enviem)",
    "(cancelar|parar) (as )?(mensagens|inscricao|inscrição)", "(me|mi) (tire|tirem|togliete|cancellate)",
    "non (mi )?(scrivete|mandate|inviate|scrivere|mandare) piu", "keine (sms|nachrichten|texte) mehr",
    "nie (piszcie|wysylajcie|wysyłajcie) (do mnie|mi)", "(usuncie|usuń|usun) (moj|mój) numer",
    "(ne|n) (m|me) (envoyez|envoie|ecrivez|ecris|contactez) plus", "(supprimez|effacez|retirez) (mon numero|moi)",
    "(desabonnez|desinscrivez) moi", "(ha|ha ii) (soo )?(dirin|qorin|soo dirin)", "fariin (dambe|mar dambe)",
 "連絡しないで", "送らないで", "ほっといて", "پیام نفرستید", "پیام ندید", "مزاحم نشید", "ولم کنید",
    "میسج مت", "پیغامات نہ", "تنگ نہ کریں", "(msg|message|messages) (mat|na|band) (bhejo|bhejein|karo)",
    "मत भेजो", "बंद करें", "परेशान मत", "পাঠাবেন না", "বন্ধ করুন", "বিরক্ত করবেন না", "bondho koren",
    "બંધ કરો", "હેરાન ના", "ఆపండి", "విసిగించకండి", "pampakandi", "stop cheyandi",
]

PROBABLE: list[str] = [
    "no more", "enough", "wrong number", "not interested", "i dont need this anymore", "dont text", "busy dont text",
    "ya basta", "ya estuvo", "suficiente", "fin", "numero equivocado", "ya no necesito",
    "ko can nua", "khong can nua", "nham so", "du roi", "sai so",
    "够了", "打错了", "不要了", "唔使喇", "不用再问了", "不需要了",
    "ase konsa", "ok ase konsa", "mal nimewo", "ase",
    "كفايه", "كفاية", "رقم غلط", "مش انا", "ما عاد بدي", "mesh me7taga 7aga tani", "mesh ana",
]

# A probable opt-out said inside a short message ("sorry wrong number", "how did you get my number"):
# stop automated texts and ask to confirm.
PROBABLE_PHRASES: list[str] = [
    "wrong (number|#|person)", "how did (you|u|yall) get my (number|#)", "(who|wtf) gave (you|u) my (number|#)",
    "(dont|do not|no longer) need (this|these|your|ur) (service|services|program|texts|messages)",
    "(go away|get lost|buzz off|back off|leave me be)",
    "(numero|número) equivocado", "(quien|kien) (le|te|les) dio mi (numero|número)", "no me interesa[n] [sus|tus] (mensajes|esto)",
    "(ya )?no (necesito|ocupo) (este servicio|sus servicios|sus mensajes|esto)",
    "(nhầm|nham|sai) số", "(ai|sao) (cho|có|co) số (tôi|tui|toi|em)",
    "(打错|发错)", "(没|冇|无)(兴趣|興趣)", "谁(给|俾)(你|你们)(我的)?(号码|电话)", "不需要(你们|这个服务)",
    "(mal|move|movè) nimewo", "m pa enterese", "ki moun ki ba (ou|w|nou) nimewo (m|mwen)",
    "(رقم|نمره|الرقم|النمره) (غلط|خطا)", "(مش|ما|لا) (عايز|عايزه|عاوز|عاوزه|بدي|ابي|ابغى|اريد) (حاجه|شي|اشي|شيء) (منكم|منك)",
    "(انتو|انتم|انت) (مزعجين|مزعج|ازعاج)", "(مين|من) (اداك|اداكم|عطاك|اعطاك|اعطاكم|جابلك) (رقمي|نمرتي)",
]

NOT_OPTOUT: list[str] = [
    "(after|before|until|at) (#|this|night|work|the morning)", "(new|other) (number|one)", "(paper|snail) mail",
    "just text me", "(luc|sau|truoc) (toi|#|gio)", "(英文|中文|英语)", "(gym|magazine|newsletter)", "(بهزر|بمزح)",
    "(despues|antes) de las", "(apres|avant) #", "(email|e mail|mail|почту|почта|이메일|우편|emailem)",
    "(in|en|po) (english|ingles|angielsku|spanish|espanol)",
]

# Words that may stand around a certain opt-out word without changing it ("stop pls", "stop na po", "arrêtez svp").
FILLERS: list[str] = [
    "ji", "pls", "plz", "please", "plss", "svp", "stp", "porfa", "por favor", "porfavor", "tanpri", "na", "po", "na po",
    "ya", "now", "ok", "okay", "bro", "lah", "吧", "啦", "了", "谢谢", "thanks", "thank you", "gracias", "mesi",
    "cam on", "شكرا", "من فضلك", "لو سمحت", "bitte", "prosze", "proszę", "пожалуйста", "주세요", "ください",
]
