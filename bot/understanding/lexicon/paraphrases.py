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

# Agreeing to texts or to sharing a number: an "ok" is a yes here (it is not one to a yes/no fact).
_AGREE = {
    "en": ["ok", "k", "kk", "okay", "okey", "okk", "bet", "fine", "thats fine", "fine by me", "go ahead", "sounds good",
           "no problem", "np", "ok go ahead", "sure go ahead", "go for it"],
    "es": ["ok", "okey", "dale", "de una", "esta bien", "ta bien", "va", "sale", "orale", "sale pues", "bueno",
           "no hay problema", "adelante", "ándale"],
    "vi": ["ok", "oke", "oki", "okie", "dc", "đc", "được", "duoc", "được ạ", "dc a", "ok a", "được chứ", "ko sao",
           "không sao"],
    "zh_Hans": ["ok", "可以", "ke yi", "keyi", "行", "得", "好啊", "好呀", "冇问题", "没问题", "同意", "可以的", "ok的"],
    "ht": ["ok", "oke", "we", "dakò", "dako", "pa gen pwoblèm", "pa gen pwoblem", "ale", "oui"],
    "ar": ["ok", "اوك", "اوكي", "تمام", "ماشي", "mashi", "tamam", "wakha", "واخا", "موافق", "موافقه", "ابشر",
           "ma fi moshkle", "ما في مشكله", "مفيش مشكله", "mafi moshkle", "3adi", "عادي", "tayeb", "طيب", "يلا"],
}
_DECLINE = {
    "en": ["i prefer not", "id rather not", "rather not", "no thanks", "no thank you", "ill call them myself",
           "id rather call them myself", "dont share", "dont give", "keep my number", "pass"],
    "es": ["prefiero que no", "mejor no", "no gracias", "yo les llamo", "prefiero llamar yo", "no lo compartan",
           "no den mi numero", "paso"],
    "vi": ["thôi", "thoi", "thôi khỏi", "khỏi", "khoi", "để tui gọi", "de tui goi", "tui tự gọi", "tu goi",
           "em tự gọi", "đừng đưa"],
    "zh_Hans": ["不用", "不用了", "唔使", "唔要", "不要", "bu yao", "bu yong", "我自己打", "我自己打给他们", "唔好"],
    "ht": ["pito pa", "non mesi", "m ap rele yo mwen menm", "pa bay", "kite sa"],
    "ar": ["ما ابي", "مابي", "ma bi", "mabghitch", "ma bghitch", "mesh 3ayez", "mesh 3ayza", "مش عايز", "مش عايزه",
           "la shokran", "لا شكرا", "هكلمهم انا", "انا هكلمهم", "hakallemhom"],
}
PARAPHRASES["intake.consent"] = {"yes": _AGREE, "no": _DECLINE}
PARAPHRASES["suggestions.share"] = {"yes": _AGREE, "no": _DECLINE}
PARAPHRASES["checkin.ask"] = {
    "got_help": {
        "en": ["got approved", "approved", "they helped", "they came thru", "came through", "got it", "they paid",
               "got the food", "all set"],
        "es": ["me ayudaron", "ya me ayudaron", "me aprobaron", "ya me dieron", "ya pagaron", "si me ayudaron"],
        "vi": ["được giúp rồi", "giúp rồi", "nhận được rồi", "nhận đc rồi", "đã nhận", "trả giúp rồi", "được duyệt"],
        "zh_Hans": ["帮到了", "拿到了", "得到了", "收到了", "已经帮我", "批了", "搞定了"],
        "ht": ["yo ede m", "yo te ede m", "m jwenn", "m resevwa", "yo peye", "yo apwouve m"],
        "ar": ["ساعدوني", "اخدت", "استلمت", "sa3adouna", "sa3adoni", "khalas sa3adoni", "دفعوا"],
    },
    "waiting": {
        "en": ["pending", "havent heard back", "haven't heard", "waiting on them", "they said next week",
               "appointment on", "still pending", "in process"],
        "es": ["pendiente", "no me han llamado", "apenas llene", "tengo cita", "me dijeron la otra semana",
               "en proceso", "no me han contestado todavia"],
        "vi": ["đang đợi", "dang doi", "đợi họ gọi", "tuần sau", "tuan sau", "có hẹn", "co hen"],
        "zh_Hans": ["等紧", "等緊", "未呀", "下个礼拜", "下个星期", "有预约", "还在处理"],
        "ht": ["m gen randevou", "m ap tann yo", "semen pwochen", "pa ankò", "poko tande"],
        "ar": ["لسه", "lessa", "lissa", "للحين", "مستني", "مستنيه", "mestanni", "mestaniya", "عندي موعد", "بانتظار رد"],
    },
    "failed": {
        "en": ["turned me down", "they couldnt help", "couldnt help", "gave up", "denied me", "nothing"],
        "es": ["no me ayudaron", "no pudieron", "me rechazaron", "nada"],
        "vi": ["ko giúp được", "không giúp được", "ko dc gi", "bị từ chối"],
        "zh_Hans": ["帮唔到", "帮不了", "唔得", "被拒绝", "算了"],
        "ht": ["yo pa ka ede m", "yo pa t ka fè anyen", "anyen", "yo refize"],
        "ar": ["ما ساعدوني", "ma sa3adoonish", "رفضوني", "ma 7ada sa3adni"],
    },
}
PARAPHRASES["checkin.why"] = {
    "no_answer": {
        "en": ["no one called me back", "never called back", "never answer", "never answered", "rings and rings",
               "just rings", "no response", "nobody picks up", "mailbox full", "left a message", "no reply"],
        "es": ["no contestan", "nunca contestaron", "no me regresaron la llamada", "me mandan al buzon", "buzon",
               "nadie contesta", "no responden", "nunca me llamaron"],
        "vi": ["ko ai bat may", "không ai bắt máy", "ko tra loi", "không trả lời", "ko ai nhac may", "ko ai nghe",
               "ko goi lai", "không gọi lại"],
        "zh_Hans": ["冇人覆", "冇人听", "冇人聽", "冇人接", "不回", "没人回", "没回", "打不通"],
        "ht": ["pa janm rele m tounen", "pesonn pa reponn", "yo pa reponn", "pa janm reponn", "yo pa rele m"],
        "ar": ["محدش رد", "ما حدا رد", "ما ردوا", "ma raddoosh", "ma jawbunich", "ما جاوبوني", "محدش بيرد", "ma 7ada rad"],
    },
    "not_eligible": {
        "en": ["make too much", "over the limit", "over income", "only for seniors", "wrong county", "not in the area",
               "dont qualify", "didnt qualify", "not qualified", "need papers", "not eligible"],
        "es": ["no soy elegible", "gano mucho", "gano demasiado", "no califico", "no calificaba", "no califique",
               "seguro social", "fuera del area", "no me toca"],
        "vi": ["thu nhập cao", "thu nhap cao", "ko du dieu kien", "không đủ điều kiện", "ngoai khu vuc", "ngoài khu vực",
               "ko dc", "không được nhận"],
        "zh_Hans": ["不合格", "没有身份", "收入太高", "入息太高", "唔够资格", "不够资格", "不是那个区", "要住在"],
        "ht": ["pa t kalifye", "pa kalifye", "twop kob", "twòp kòb", "pa nan zon", "pa elijib"],
        "ar": ["دخلي عالي", "da5li 3ali", "مش مؤهل", "مش مؤهله", "مش qualify", "مش في منطقتهم", "mesh f mante2ethom",
               "ma ntaba2et", "الشروط"],
    },
    "no_capacity": {
        "en": ["ran out", "out of food", "out of help", "no more appointments", "no appointments", "no spots left",
               "all gone", "no funds", "out of money", "no room"],
        "es": ["se acabaron", "ya no habia", "ya no tenian", "no habia citas", "no hay citas", "sin fondos",
               "no hay cupo", "no habia cupo", "se acabo"],
        "vi": ["hết đồ ăn", "het do an", "het slot", "hết chỗ", "het cho", "hết tiền", "het tien", "hết rồi"],
        "zh_Hans": ["冇位", "没位", "派完了", "派完", "没有了", "冇晒", "满晒", "没名额"],
        "ht": ["manje a te fini", "tout plas", "pa gen plas", "pa gen lajan", "pa pran moun", "fini"],
        "ar": ["خلص كل شي", "الميزانيه خلصت", "الفلوس خلصت", "ما في مكان", "ma 3ad fi mahal", "مفيش مكان", "خلصت"],
    },
    "closed": {
        "en": ["doors locked", "locked", "nobody there", "closed down", "shut"],
        "es": ["cerrao", "estaba cerrado", "cerrada", "no habia nadie"],
        "vi": ["đóng cửa", "dong cua", "ko có ai", "khoa cua"],
        "zh_Hans": ["关门", "關門", "冇开", "没开门"],
        "ht": ["fèmen", "femen", "te fèmen", "pa t gen moun"],
        "ar": ["مقفول", "مقفولين", "كان مقفول", "m2flin", "ma2fool", "مسكر", "msakkar"],
    },
    "other": {
        "en": ["couldnt get a ride", "no ride", "rude", "forgot", "got sick", "language", "no one spoke"],
        "es": ["no tenia como llegar", "me trataron mal", "se me olvido", "nadie hablaba", "me querian cobrar",
               "llegue tarde"],
        "vi": ["xa qua", "xa quá", "bị bệnh", "chỉ nói tiếng anh", "ko có xe", "quên"],
        "zh_Hans": ["不讲中文", "唔识讲", "太远", "冇车", "忘记了"],
        "ht": ["pa t gen transpo", "pa t pale kreyol", "trete m mal", "m bliye", "m pedi"],
        "ar": ["شي تاني", "حاجه تانيه", "نسيت", "nsit", "ما في مواصلات"],
    },
}
# Transport: missing things because of a ride is a yes; having a car or a driver is a no. "No car" alone says
# neither (labelling policy), and a story with both ("no car so I miss appointments") is read by its parts.
PARAPHRASES["screening.transport"] = {
    "yes": {
        "en": ["missed", "miss appointments", "miss work", "couldnt get there", "cant get there", "no ride",
               "ride flaked", "car broke down", "car broke", "bus doesnt come", "late to work"],
        "es": ["falte", "no pude ir", "perdi la cita", "perdí mi cita", "no tenia ride", "no tengo ride", "no llega",
               "se me descompuso el carro", "llegue tarde"],
        "vi": ["trễ hẹn", "tre hen", "lỡ hẹn", "lo hen", "ko đi được", "ko di dc", "không đi được", "xe hư", "xe hu",
               "nghỉ làm", "ko ai chở", "ko ai cho di"],
        "zh_Hans": ["去不了", "去唔到", "看医生好难", "错过", "车坏了", "冇人载", "没人载", "迟到"],
        "ht": ["m rate", "rate randevou", "rate travay", "machin nan pann", "an pann", "pa ka ale", "bis la pa"],
        "ar": ["فاتني", "فاتتني", "fatni", "fatetni", "ما قدرت اروح", "مش عارف اروح", "العربيه باظت", "khasra",
               "الباص ما بيوصل", "el bus b3eed"],
    },
    "no": {
        "en": ["i have a car", "i got a car", "i drive", "drives me", "takes me", "never been an issue",
               "never been a issue", "not a problem", "bus works fine"],
        "es": ["tengo carro", "tengo mi carro", "me lleva", "me llevan", "manejo yo", "nunca ha sido problema"],
        "vi": ["tôi có xe", "toi co xe", "tui có xe", "tui co xe", "chở đi", "cho di kham", "đưa đi", "lái xe đưa"],
        "zh_Hans": ["我有车", "有车", "会载我", "會載我", "揸车", "揸車", "开车送"],
        "ht": ["m gen machin", "mwen gen machin", "mennen m", "kondui m"],
        "ar": ["عندي عربيه", "عندي سياره", "3andi 3arabeya", "3andi sayyara", "بيوديني", "بيوصلني", "mafeesh moshkela",
               "مفيش مشكله", "ma fi moshkle"],
    },
}
