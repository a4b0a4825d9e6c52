"""Answers as people say them rather than as the answer lists word them: spoken and dialect number
words, yes/no and how-often in Arabizi, Cantonese, pinyin, Creole, Vietnamese teen code and slang, the
replies that answer nothing ("who is this?"), and the small words around a number ("2 times", "all
except"). Merged into `lexicon.answers.GENERIC_ANSWERS` and read by `bot.understanding.choices`.
Written per concept, in the project's own words.
"""

# Words that count something right after a number, so the number is not an option's: "2 times", "3 meses",
# "2 tháng", "两次", "2 fwa", "٣ مرات". A reply that starts with one is read by its words, not its number.
COUNTED: dict[str, list[str]] = {
    "en": ["time", "times", "x", "day", "days", "week", "weeks", "month", "months", "year", "years", "yr", "yrs",
           "hour", "hours", "kid", "kids", "dollar", "dollars", "am", "pm", "of", "or", "more"],
    "es": ["vez", "veces", "dia", "dias", "semana", "semanas", "mes", "meses", "ano", "anos", "hora", "horas",
           "hijo", "hijos", "dolares", "de", "o", "mas"],
    "vi": ["lan", "ngay", "tuan", "thang", "nam", "gio", "dua", "dong", "hay"],
    "zh_Hans": ["次", "天", "日", "周", "星", "月", "年", "岁", "点", "小", "到", "或", "多", "块", "蚊"],
    "ht": ["fwa", "jou", "semen", "mwa", "an", "ane", "edtan", "timoun", "pitit", "dola", "oswa"],
    "ar": ["مرات", "مره", "مرة", "يوم", "ايام", "اسبوع", "اسابيع", "شهر", "شهور", "اشهر", "سنه", "سنين", "سنوات",
           "ساعه", "ساعات", "اولاد", "عيال", "marat", "marra", "youm", "ayam", "shahr", "shohor", "او"],
}

# "All of them except the lead": an all-word before an except-word picks every option but the ones after it.
ALL_WORDS: dict[str, list[str]] = {
    "en": ["all", "everything", "every one", "all of them", "all of it"],
    "es": ["todo", "todos", "todas", "todito"],
    "vi": ["tất cả", "hết", "toàn bộ", "mọi thứ"],
    "zh_Hans": ["全部", "都", "所有", "全都", "样样"],
    "ht": ["tout", "tout bagay", "yo tout"],
    "ar": ["كل", "الكل", "كله", "كلها", "kol", "kolo", "kolha"],
}
EXCEPT_WORDS: dict[str, list[str]] = {
    "en": ["except", "exept", "excepted", "besides", "apart from", "but not", "other than", "minus"],
    "es": ["menos", "excepto", "salvo", "aparte de", "pero no"],
    "vi": ["trừ", "ngoại trừ", "trừ ra", "ngoài"],
    "zh_Hans": ["除了", "除"],
    "ht": ["sof", "eksepte", "esepte", "men pa"],
    "ar": ["ماعدا", "ما عدا", "الا", "عدا", "غير", "ma3ada", "ella", "illa"],
}

# Number words as people text them, beyond the written forms in `lexicon.common.NUMBER_WORDS`: dialect
# (Egyptian "اتنين", Levantine "تنين"), Arabizi, Cantonese and pinyin, Creole and Vietnamese without marks.
SPOKEN_NUMBERS: dict[str, list[list[str]]] = {
    "en": [["1st"], ["2nd"], ["3rd"], ["4th"], ["5th"]],
    "es": [["1ro", "1ero", "1a", "uno"], ["2do", "2da"], ["3ro", "3ra"], ["4to", "4ta"], ["5to"]],
    "vi": [["mot", "nhat", "thu nhat", "so mot"], ["hai", "thu hai", "so hai"], ["ba", "thu ba", "so ba"],
           ["bon", "tu", "thu tu", "so bon"], ["so nam", "thu nam"]],
    "zh_Hans": [["一", "壹", "yi", "第一个"], ["二", "两", "贰", "er", "第二个"], ["三", "叁", "san", "第三个"],
                ["四", "肆", "si", "第四个"], ["五", "伍", "wu"], ["六", "陆", "liu"], ["七", "柒", "qi"],
                ["八", "捌", "ba"]],
    "ht": [["premye", "youn", "en sel"], ["dezyem", "dez", "2yem"], ["twazyem", "3yem"], ["katriyem", "4yem"],
           ["senkyem", "5yem"]],
    "ar": [["واحد", "واحده", "الاول", "الاولى", "wa7ed", "wahed", "wa7ad", "awal", "el awal"],
           ["اتنين", "اثنين", "تنين", "ثنين", "التاني", "الثاني", "التانيه", "itnen", "etnen", "itnein", "tnin",
            "tnein", "ithnain", "zouj", "jouj", "el tani"],
           ["تلاته", "تلاتة", "ثلاثه", "ثلاث", "تلات", "التالت", "الثالث", "talata", "tlata", "tlete", "thalatha",
            "el talet"],
           ["اربعه", "اربعة", "اربع", "الرابع", "arba3a", "arb3a", "arba"],
           ["خمسه", "خمسة", "خمس", "الخامس", "khamsa", "5amsa", "khamsa"], ["سته", "sitta", "setta"],
           ["سبعه", "sab3a"], ["تمنيه", "ثمانيه", "tamanya"]],
}

# Ways to say yes, no and how often that come from speech more than from the answer lists above: Arabizi and
# dialect, Cantonese and pinyin, Creole and French, Vietnamese teen code, English and Spanish slang.
SPOKEN: dict[str, dict[str, list[str]]] = {
    "yes": {
        "en": ["yessir", "yes sir", "yes maam", "yass", "yas", "yeh", "yah", "uh huh", "mhm", "mmhm", "yup yup",
               "sure thing", "for sure", "fs", "ya ya", "yeah yeah", "yea yea", "si"],
        "es": ["sii", "siii", "sip", "simon", "si claro", "claro que si", "pues si", "si si", "ajá", "aja",
               "yes", "sí señora", "si senor", "eso si"],
        "vi": ["co a", "da co", "uk", "uh", "um", "dung vay", "co chu", "co roi", "da vang", "vang a", "yes"],
        "zh_Hans": ["係", "系", "係呀", "有呀", "有啊", "对啊", "是啊", "是呀", "shi", "shi de", "you", "dui", "yes",
                    "嗯嗯", "对对", "係啊"],
        "ht": ["oui", "wi wi", "wi se vre", "wi m genyen", "wi genyen", "wi wi wi", "yes", "ouais", "wep", "wi papa"],
        "ar": ["aywa", "aiwa", "aywah", "eh", "ah", "aah", "na3am", "naam", "ee", "ayh", "yes", "اه", "ايوة", "ايوا",
               "ايه نعم", "اي نعم", "نعم صحيح", "akid", "akeed", "tab3an", "ah tab3an", "صح كده", "yeah"],
    },
    "no": {
        "en": ["naw", "nah", "noo", "nooo", "no no", "nop", "hell no", "no way", "nah nah", "nada", "not me", "nn"],
        "es": ["noo", "nop", "nel", "nelson", "no no", "pues no", "no gracias", "ni modo", "para nada", "nah"],
        "vi": ["khong", "hong", "hok", "ko co", "k co", "khum", "khong a", "da khong", "ko a", "no", "k a"],
        "zh_Hans": ["冇", "冇呀", "冇啊", "唔係", "唔系", "唔", "冇嘢", "mei you", "mei", "bu shi", "bu", "不是的",
                    "没有啊", "沒有", "no"],
        "ht": ["non non", "nn", "no", "pa ditou", "non mesi", "non pa genyen", "pa vreman", "nan", "pyes"],
        "ar": ["la2", "la", "laa", "la2a", "lah", "لاء", "لا لا", "la la", "mesh", "msh", "mish", "walla", "no",
               "ابدا", "abadan", "la abadan", "لا والله", "ما في", "mafi", "mafeesh", "مفيش", "لا شكرا",
               "la shokran", "la2 shokran"],
    },
    "often_true": {
        "en": ["all the time", "every month", "always", "alot", "a lot", "lots", "most months"],
        "zh_Hans": ["经常", "常常", "jing chang", "jingchang", "成日都係", "好多次", "经常不够", "月月", "老是"],
        "ar": ["ktir", "kteer", "keteer", "ketir", "bzaf", "bezzaf", "dayman", "daiman", "كتير", "اكتر الشهور",
               "كل شهر", "كل اخر شهر", "kol shahr", "اغلب الشهور", "وايد"],
        "vi": ["thuong xuyen", "hay thieu", "thang nao cung", "hoai", "luon"],
        "ht": ["souvan", "chak mwa", "anpil fwa", "toutan", "tout tan", "prèske chak mwa", "souvent"],
        "es": ["cada rato", "seguidito", "casi siempre", "todo el tiempo", "siempre"],
    },
    "sometimes_true": {
        "zh_Hans": ["有时", "you shi", "you shi hou", "youshi", "有陣時", "间中", "间唔中", "偶然", "有几次", "有幾次"],
        "ar": ["mrat", "marat", "sa3at", "sa3aat", "ba3d el a7yan", "b3d el a7yan", "من وقت للتاني", "من وقت لوقت",
               "في بعض الاوقات", "بعض الاوقات", "مرات ومرات", "aw2at", "ahyanan", "ساعات ايه"],
        "vi": ["thinh thoang", "doi khi", "co luc", "lau lau", "thi thoang", "co khi"],
        "ht": ["pafwa", "de tanzantan", "kek fwa", "kèk mwa", "parfois", "des fois"],
        "es": ["a veses", "aveses", "de ves en cuando", "unas veces si", "algunas veces si"],
        "en": ["sometimes yes", "some months", "sometimes true", "here n there"],
    },
    "never_true": {
        "zh_Hans": ["冇", "冇試過", "冇试过", "唔會", "唔会", "不会", "不會", "够吃", "夠吃", "夠的", "够的", "mei you",
                    "cong lai mei you", "从来没", "mei"],
        "ar": ["la2", "la", "la ma sar", "ma sar", "ما صار", "ما صارت", "ما حصلت", "عمرها ما حصلت", "ولا مره",
               "wala marra", "abadan", "la abadan", "لا ابدا", "الحمد لله لا", "el7amdulillah la", "mafi"],
        "vi": ["ko", "khong", "chua", "chua bao gio", "ko bao gio", "khong bao gio", "du an", "du"],
        "ht": ["non", "nn", "pa janm", "janm", "jamè", "jamais"],
        "es": ["nunk", "nunca", "nel", "no nunca", "jamas"],
        "en": ["nah", "naw", "nope never", "never true", "not true", "no never"],
    },
    "never": {
        "zh_Hans": ["冇", "冇人", "冇試過", "冇试过", "唔會", "唔会", "不会", "不會", "没人", "沒人", "mei you", "mei ren",
                    "cong lai mei you", "０次", "0次", "没有人"],
        "ar": ["la2", "la", "laa", "wala marra", "ولا مره", "ولا مرة", "la2 wala marra", "ma7adesh", "ma 7ada",
               "محدش", "ما حدا", "ما في حدا", "abadan", "ابدا", "مافي احد", "ولا حد", "la abadan"],
        "vi": ["ko", "khong", "chua", "ko co ai", "khong ai", "chua bao gio", "ko bao gio", "chua tung"],
        "ht": ["non", "nn", "pa janm", "janm", "jamè", "jamais", "okenn moun", "pesonn", "pèsonn", "nobody"],
        "es": ["nunk", "nunka", "no nunca", "nadie", "jamas", "ni una vez", "nel"],
        "en": ["nah", "naw", "nobody does", "no one does", "no one", "no never", "zero", "not ever"],
    },
    "rarely": {
        "zh_Hans": ["很少", "hen shao", "好少", "甚少", "不太会", "不太會", "一两次", "一兩次", "少少"],
        "ar": ["qlil", "qalil", "2lil", "shwaya", "nadran", "marra wa7da", "marra wa7da bas", "مره واحده", "مرة واحدة",
               "مره كده", "marra aw marteen", "مره او مرتين", "مش كتير", "mesh ktir", "mesh ketir", "قليل"],
        "vi": ["hiem khi", "it khi", "it lam", "mot lan", "mot hai lan", "hiem lam"],
        "ht": ["raman", "yon fwa", "youn fwa", "pa souvan", "rarement", "yon sel fwa"],
        "es": ["casi nunca", "rara vez", "una que otra vez", "muy rara vez", "pocas veces", "una vez"],
        "en": ["rarely", "once", "only once", "like once", "once or twice", "one or two times", "hardly ever",
               "not much"],
    },
    "sometimes": {
        "zh_Hans": ["时不时", "時不時", "有时", "you shi", "you shi hou", "有陣時", "间中", "间唔中", "偶尔", "有几次",
                    "有幾次"],
        "ar": ["mrat", "marat", "sa3at", "ساعات", "ba3d el a7yan", "b3d el a7yan", "من وقت للتاني", "من وقت لوقت",
               "بعض الاوقات", "aw2at", "ahyanan", "a7yanan", "مرات"],
        "vi": ["thinh thoang", "doi khi", "co luc", "lau lau", "thi thoang", "co khi"],
        "ht": ["pafwa", "de tanzantan", "kek fwa", "parfois", "des fois"],
        "es": ["a veses", "aveses", "de ves en cuando", "a ratos", "aveces"],
        "en": ["sometimes", "off and on", "on and off", "here n there", "now n then"],
    },
    "fairly_often": {
        "zh_Hans": ["相当频繁", "几常", "挺多", "蛮多", "好多次", "常常"],
        "ar": ["ktir shway", "kteer shway", "كتير شويه", "كتير شوية", "كثير شوي", "كل اسبوع", "كل اسبوع تقريبا",
               "تقريبا كل اسبوع", "اغلب الاسابيع", "كام مره في الاسبوع", "kol osbou3", "marat ktir"],
        "vi": ["kha thuong xuyen", "kha thuong", "kha nhieu", "tuan nao cung", "hay lam"],
        "ht": ["byen souvan", "assez souvent", "chak semen", "souvan souvan"],
        "es": ["bastante seguido", "bastantes veces", "cada semana", "casi cada semana"],
        "en": ["pretty often", "quite often", "fairly often", "every week", "most weeks", "kinda a lot"],
    },
    "frequently": {
        "zh_Hans": ["经常", "經常", "jing chang", "老是", "成日", "每日", "每日都係", "每天都", "天天都", "日日都"],
        "ar": ["dayman", "daiman", "dayman dayman", "ديما", "دايما", "kol yom", "kol youm", "كل يوم", "kol el wa2t",
               "طول الوقت", "على طول", "3ala tol", "كل ما يشوفني"],
        "vi": ["thuong xuyen", "ngay nao cung", "suot", "suot ngay", "hoai", "luon luon", "hang ngay"],
        "ht": ["chak jou", "toutan", "tout tan", "tout lajounen", "toujou", "tout le temps", "chak fwa"],
        "es": ["diario", "a diario", "todos los dias", "cada dia", "todo el dia", "a cada rato"],
        "en": ["constantly", "24 7", "every day", "everyday", "all day", "nonstop", "non stop", "daily"],
    },
}
# Words that join option numbers in speech: "第一同第七" (Cantonese "and"), "1 w 3" (Arabizi).
NUMBER_JOINERS: dict[str, list[str]] = {
    "en": ["n", "an", "nd", "then"], "es": ["i", "mas"], "vi": ["va", "voi", "cung"],
    "zh_Hans": ["同", "同埋", "加", "及"], "ht": ["ak", "avek", "e"], "ar": ["w", "wa", "we", "و"],
}

# Replies that answer nothing: a question back, "I don't understand", "not exactly" (asked again).
NOT_AN_ANSWER: dict[str, list[str]] = {
    "en": ["what do you mean", "who is this", "what is this", "dont understand", "i dont get it", "huh"],
    "es": ["no entiendo", "que es eso", "quien es", "que quiere decir", "no le entiendo", "mande"],
    "vi": ["ko hieu", "khong hieu", "k hieu", "chua hieu", "ko nho", "khong nho", "k nho", "ko han", "khong han",
           "la sao", "nghia la gi", "ai vay", "la gi"],
    "zh_Hans": ["是谁", "边个", "乜嘢", "咩嘢", "什么意思", "乜意思", "咩意思", "係咩", "不懂", "唔明", "不明白", "听不懂",
                "唔知", "唔记得"],
    "ht": ["kisa", "kiyes", "kilès", "m pa konprann", "mwen pa konprann", "sa sa ye", "kisa sa vle di"],
    "ar": ["مش فاهم", "مش فاهمه", "ما فهمت", "مين انت", "مين حضرتك", "يعني ايه", "شو يعني", "ya3ni eh", "mesh fahem",
           "mish fahma", "shoo ya3ni", "meen", "مين"],
}
