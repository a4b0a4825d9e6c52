"""Generic answers the flows can reuse as option labels, per language.

`GENERIC_ANSWERS[answer][lang]` lists what clients write for that answer, with and without accents
(both are listed where the accented form is what a phone keyboard suggests; matching ignores accents
anyway). Frequency answers follow the AHC HRSN answer lists: often/sometimes/never true (food items)
and never/rarely/sometimes/fairly often/frequently (safety items). Non-English entries are the
project's own work.
"""

from bot.understanding.lexicon.spoken import NOT_AN_ANSWER, SPOKEN

_WORDS: dict[str, dict[str, list[str]]] = {
    "yes": {
        "en": ["yes", "yeah", "yea", "yep", "yup", "ya", "y", "sure", "of course", "correct", "right", "true",
               "affirmative", "i do", "we do", "i have", "we have", "absolutely", "definitely", "yes we do", "yess"],
        "es": ["sí", "si", "claro", "por supuesto", "correcto", "cierto", "así es", "simón", "sip", "afirmativo",
               "efectivamente", "sí tengo", "sí hay", "claro que sí"],
        "vi": ["có", "vâng", "dạ", "ừ", "ừm", "đúng", "đúng rồi", "có ạ", "phải", "dạ có", "vâng ạ", "có chứ"],
        "zh_Hans": ["是", "是的", "对", "对的", "有", "好", "好的", "嗯", "当然", "没错", "有的"],
        "ht": ["wi", "se vre", "dakò", "natirèlman", "wi mwen genyen", "wi genyen", "egzakteman"],
        "ar": ["نعم", "ايوه", "ايوا", "أيوه", "اي", "آه", "أجل", "طبعا", "صح", "صحيح", "بلى", "ايه", "اكيد"],
    },
    "no": {
        "en": ["no", "nope", "nah", "n", "not really", "negative", "i dont", "we dont", "no we dont", "not at all",
               "i do not", "we do not", "none", "i dont have", "we dont have"],
        "es": ["no", "nel", "nop", "para nada", "no tengo", "no hay", "negativo", "no tenemos", "claro que no"],
        "vi": ["không", "ko", "k", "hông", "không có", "không ạ", "chưa", "không phải", "dạ không", "ko có"],
        "zh_Hans": ["不", "不是", "没有", "没", "不对", "无", "没有的"],
        "ht": ["non", "pa genyen", "pa gen", "pa vre", "non mwen pa genyen", "non pa gen"],
        "ar": ["لا", "كلا", "لا يوجد", "لأ", "مش", "ما في", "لا ما في", "ابدا لا"],
    },
    "often_true": {
        "en": ["often true", "often", "a lot", "many times", "very often", "most of the time", "all the time",
               "always", "frequently", "often yes"],
        "es": ["a menudo", "a menudo es cierto", "con frecuencia", "frecuentemente", "muchas veces", "seguido",
               "casi siempre", "siempre", "muy seguido", "a menudo cierto"],
        "vi": ["thường xuyên", "thường", "nhiều lần", "luôn luôn", "thường thường", "thường xuyên đúng", "hay bị"],
        "zh_Hans": ["经常", "常常", "经常是这样", "总是", "时常", "很多次", "经常如此"],
        "ht": ["souvan", "souvan vre", "anpil fwa", "tout tan", "toujou", "souvan se vre"],
        "ar": ["غالبا", "كثيرا", "دائما", "في كثير من الاحيان", "كثير", "احيانا كثيرة", "غالبا صحيح"],
    },
    "sometimes_true": {
        "en": ["sometimes true", "sometimes", "some times", "sometime", "at times", "occasionally",
               "once in a while", "now and then", "every now and then"],
        "es": ["a veces", "aveces", "algunas veces", "de vez en cuando", "a veces es cierto", "ocasionalmente",
               "a veces cierto"],
        "vi": ["đôi khi", "thỉnh thoảng", "có lúc", "đôi lúc", "lâu lâu", "đôi khi đúng"],
        "zh_Hans": ["有时", "有时候", "偶尔", "有的时候", "有时是这样"],
        "ht": ["pafwa", "kèk fwa", "detanzantan", "pafwa se vre"],
        "ar": ["احيانا", "بعض الاحيان", "في بعض الاحيان", "من وقت لاخر", "احيانا صحيح"],
    },
    "never_true": {
        "en": ["never true", "never", "not true", "no", "nope", "not at all", "false", "never happened"],
        "es": ["nunca", "nunca es cierto", "jamás", "no", "para nada", "falso", "nunca cierto"],
        "vi": ["không bao giờ", "chưa bao giờ", "không", "không đúng", "ko bao giờ", "không bao giờ đúng"],
        "zh_Hans": ["从不", "从来没有", "从来不", "没有", "不是", "从没", "从未"],
        "ht": ["jamè", "pa janm", "janm", "non", "pa vre", "pa janm vre"],
        "ar": ["ابدا", "لا", "ليس صحيحا", "ولا مرة", "مطلقا", "غير صحيح"],
    },
    "never": {
        "en": ["never", "not ever", "no", "nope", "no one", "nobody", "never ever"],
        "es": ["nunca", "jamás", "no", "nadie", "nunca jamás"],
        "vi": ["không bao giờ", "chưa bao giờ", "không", "không có ai", "ko bao giờ", "chưa từng"],
        "zh_Hans": ["从不", "从来没有", "没有", "从来不", "从没", "从未"],
        "ht": ["jamè", "pa janm", "janm", "non", "pèsonn"],
        "ar": ["ابدا", "لا", "ولا مرة", "لا احد", "مطلقا"],
    },
    "rarely": {
        "en": ["rarely", "seldom", "hardly ever", "not often", "not much", "almost never", "once or twice",
               "not very often", "barely", "rarely ever"],
        "es": ["casi nunca", "rara vez", "raramente", "pocas veces", "muy poco", "muy pocas veces", "no mucho"],
        "vi": ["hiếm khi", "ít khi", "rất ít", "hầu như không", "ít lắm"],
        "zh_Hans": ["很少", "极少", "几乎没有", "不常", "很少有"],
        "ht": ["raman", "pa souvan", "prèske jamè", "yon fwa konsa"],
        "ar": ["نادرا", "قليلا", "مش كثير", "تقريبا لا", "قليل جدا"],
    },
    "sometimes": {
        "en": ["sometimes", "some times", "sometime", "at times", "occasionally", "once in a while", "now and then"],
        "es": ["a veces", "aveces", "algunas veces", "de vez en cuando", "ocasionalmente"],
        "vi": ["đôi khi", "thỉnh thoảng", "có lúc", "đôi lúc", "lâu lâu"],
        "zh_Hans": ["有时", "有时候", "偶尔", "有的时候"],
        "ht": ["pafwa", "kèk fwa", "detanzantan"],
        "ar": ["احيانا", "بعض الاحيان", "في بعض الاحيان", "من وقت لاخر"],
    },
    "fairly_often": {
        "en": ["fairly often", "often", "pretty often", "quite often", "regularly", "a lot"],
        "es": ["con bastante frecuencia", "bastante seguido", "a menudo", "seguido", "bastante", "muchas veces"],
        "vi": ["khá thường xuyên", "khá thường", "thường", "nhiều lần"],
        "zh_Hans": ["相当频繁", "经常", "挺经常", "比较经常", "常常"],
        "ht": ["souvan", "byen souvan", "anpil fwa"],
        "ar": ["غالبا", "كثيرا", "في كثير من الاحيان", "كثير"],
    },
    "frequently": {
        "en": ["frequently", "very often", "all the time", "always", "constantly", "every day", "daily",
               "very frequently"],
        "es": ["frecuentemente", "con frecuencia", "muy seguido", "siempre", "todo el tiempo", "todos los días",
               "muy a menudo", "muy frecuentemente"],
        "vi": ["rất thường xuyên", "luôn luôn", "lúc nào cũng", "thường xuyên", "hàng ngày", "suốt ngày"],
        "zh_Hans": ["频繁", "总是", "一直", "每天", "非常频繁", "很频繁", "时时刻刻"],
        "ht": ["tout tan", "toujou", "chak jou", "trè souvan"],
        "ar": ["دائما", "باستمرار", "كل يوم", "كثيرا جدا", "كل الوقت", "طول الوقت"],
    },
    "already_shut_off": {
        "en": ["already shut off", "already off", "shut off", "its off", "already cut off", "cut off",
               "disconnected", "already disconnected", "cut it off", "shut it off", "already shut it off", "no power",
               "no electricity", "turned off", "already turned off"],
        "es": ["ya la cortaron", "ya me cortaron", "ya cortaron", "cortada", "cortado", "ya está cortada",
               "me cortaron la luz", "sin luz", "ya me la cortaron", "me la cortaron", "desconectado"],
        "vi": ["đã bị cắt", "bị cắt rồi", "đã cắt", "bị ngắt", "bị cúp", "cúp rồi", "cắt rồi", "đã bị ngắt"],
        "zh_Hans": ["已经停了", "已经断了", "已经被停", "已经切断", "被停了", "断了", "已经停", "被切断"],
        "ht": ["yo deja koupe", "yo koupe l deja", "yo koupe", "koupe deja", "deja koupe", "yo deja koupe l"],
        "ar": ["تم قطعها", "قطعت بالفعل", "مقطوعة", "قطعوا", "تم القطع", "مقطوع", "قطعوها"],
    },
    "dont_know": {
        "en": ["dont know", "i dont know", "not sure", "idk", "no idea", "unsure", "dunno", "dont remember",
               "i dont remember"],
        "es": ["no sé", "no lo sé", "quién sabe", "no estoy segura", "no estoy seguro", "ni idea", "no me acuerdo",
               "no recuerdo"],
        "vi": ["không biết", "ko biết", "k biết", "không chắc", "không rõ", "không nhớ"],
        "zh_Hans": ["不知道", "不清楚", "不确定", "不记得"],
        "ht": ["m pa konnen", "mwen pa konnen", "pa konnen", "m pa konn", "pa konn", "m pa sèten", "mwen pa sonje"],
        "ar": ["لا اعرف", "ما بعرف", "مش عارف", "لست متاكد", "ما ادري", "لا ادري", "مش عارفة"],
    },
    "none_of_the_above": {
        "en": ["none of the above", "none", "none of these", "nothing", "no problems", "no problem", "none of them"],
        "es": ["ninguno", "ninguna", "ninguno de los anteriores", "nada", "ningún problema",
               "ninguna de las anteriores"],
        "vi": ["không có", "không có gì", "không cái nào", "không vấn đề gì", "không có vấn đề gì"],
        "zh_Hans": ["都没有", "以上都没有", "没有", "都不是", "没有问题"],
        "ht": ["okenn", "pa gen anyen", "anyen", "okenn nan yo", "pa gen pwoblèm"],
        "ar": ["لا شيء", "لا شيء مما سبق", "ولا واحد", "لا يوجد", "لا مشاكل"],
    },
}

# Emoji answers understood in every language.
EMOJI_ANSWERS: dict[str, list[str]] = {
    "yes": ["👍", "✅", "👌", "✔"],
    "no": ["👎", "❌", "🚫"],
}

GENERIC_ANSWERS: dict[str, dict[str, list[str]]] = {
    answer: {lang: labels + EMOJI_ANSWERS.get(answer, []) for lang, labels in by_lang.items()}
    for answer, by_lang in _WORDS.items()
}

# Colloquial ways to say how often, written per language for the reply corpus's messy half (typed as
# people text: no accents, slang, dialect). Kept apart so the AHC wording above stays recognisable.
_COLLOQUIAL: dict[str, dict[str, list[str]]] = {
    "often_true": {
        "en": ["every month", "every single month", "most months", "constantly", "all the time tbh", "every week",
               "pretty much always", "alwayz", "alot", "most of the time yes"],
        "es": ["cada mes", "todos los meses", "a cada rato", "bien seguido", "casi todos los meses", "todo el tiempo",
               "simpre", "siempre siempre", "muy a menudo"],
        "vi": ["luôn luôn", "tháng nào cũng", "hoài", "thường đúng", "hay lắm", "lúc nào cũng"],
        "zh_Hans": ["成日", "每个月都", "经长", "好多时", "月月都", "经常都"],
        "ht": ["chak mwa", "tout tan", "tout tan vre", "pifo", "prèske toujou", "chak semen"],
        "ar": ["على طول", "دايما", "ديما", "كل شهر", "dayman", "ghaliban", "طول الوقت", "اغلب الوقت", "وايد"],
    },
    "sometimes_true": {
        "en": ["some months", "here and there", "every now and then", "every now n then", "once in a while",
               "a couple times", "off and on", "sum times", "some times", "occasionally", "sometime"],
        "es": ["de vez en cuando", "algunas veces", "algunos meses", "a beses", "aveses", "a ratos", "unas veces"],
        "vi": ["thỉnh thoảng", "có lúc", "đôi khi", "lâu lâu", "có khi", "vài lần", "đôi lúc"],
        "zh_Hans": ["有时", "有时候", "偶尔", "间中", "有阵时", "有的时候"],
        "ht": ["pafwa", "pa fwa", "kek fwa", "detanzantan", "de tanzantan", "yon le konsa", "parfois"],
        "ar": ["احيانا", "ساعات", "مرات", "sa3at", "a7yanan", "marat", "ahyanan", "بعض الاحيان"],
    },
    "never_true": {
        "en": ["it lasts", "we good on food", "we're fine on food", "never happens", "never happened", "we ok",
               "not at all", "never ever"],
        "es": ["nunca jamas", "nunk", "nunka", "jamas", "nunca nos pasa", "siempre alcanza"],
        "vi": ["không bao giờ", "ko bao gio", "chưa bao giờ", "ko he", "không hề", "chưa từng"],
        "zh_Hans": ["从来没有", "从未", "从来不会", "冇试过", "没试过", "够吃"],
        "ht": ["pa janm", "pa jamè", "jamè", "janm"],
        "ar": ["ابدا", "ابدن", "abadan", "ما صار", "عمره ما", "ولا مره"],
    },
    "never": {
        "en": ["not at all", "never ever", "not once", "no never", "nope never"],
        "es": ["nunca jamas", "jamas", "ni una vez"],
        "vi": ["không bao giờ", "ko bao gio", "chưa bao giờ", "chưa từng"],
        "zh_Hans": ["从来没有", "从未", "冇试过", "没试过"],
        "ht": ["pa janm", "jamè", "pa jamè"],
        "ar": ["ابدا", "abadan", "ولا مره", "عمره ما"],
    },
    "rarely": {
        "en": ["once in a blue moon", "hardly", "hardly ever", "rare", "only once", "only one time", "once or twice",
               "almost never", "like once", "one time"],
        "es": ["casi nunca", "muy de vez en cuando", "una vez", "solo una vez", "muy pocas veces", "casi no"],
        "vi": ["hiếm khi", "ít khi", "một lần", "hầu như không", "hiếm lắm"],
        "zh_Hans": ["很少", "好少", "一次", "几乎没有", "甚少"],
        "ht": ["raman", "yon fwa", "prèske pa janm", "pa souvan"],
        "ar": ["نادرا", "مره وحده", "قليل", "nadran", "نادر"],
    },
    "sometimes": {
        "en": ["here and there", "every now and then", "every now n then", "once in a while", "off and on",
               "sum times", "some times", "occasionally"],
        "es": ["de vez en cuando", "algunas veces", "a ratos", "a beses", "aveses"],
        "vi": ["thỉnh thoảng", "đôi khi", "có lúc", "lâu lâu"],
        "zh_Hans": ["有时", "有时候", "偶尔", "间中", "有阵时"],
        "ht": ["pafwa", "pa fwa", "kek fwa", "detanzantan"],
        "ar": ["احيانا", "ساعات", "مرات", "sa3at", "a7yanan"],
    },
    "fairly_often": {
        "en": ["quite a bit", "pretty often", "a few times a week", "a lot of times", "kinda often"],
        "es": ["bastante", "seguido", "bastantes veces", "varias veces a la semana"],
        "vi": ["khá thường", "khá thường xuyên", "khá nhiều"],
        "zh_Hans": ["几常", "颇多", "挺多"],
        "ht": ["byen souvan", "kèk fwa pa semèn"],
        "ar": ["كتير شوي", "كثير نوعا ما"],
    },
    "frequently": {
        "en": ["every day", "every night", "24/7", "constantly", "all the time", "every single day", "daily"],
        "es": ["todos los dias", "todo el tiempo", "a diario", "cada dia", "diario"],
        "vi": ["hàng ngày", "ngày nào cũng", "suốt ngày", "lúc nào cũng"],
        "zh_Hans": ["天天", "每天", "成日", "日日"],
        "ht": ["chak jou", "tout tan", "toulejou"],
        "ar": ["كل يوم", "على طول", "دايما", "طول الوقت"],
    },
}
for _answer, _by_lang in _COLLOQUIAL.items():
    for _lang, _labels in _by_lang.items():
        _known = GENERIC_ANSWERS[_answer].setdefault(_lang, [])
        _known.extend(label for label in _labels if label not in _known)

# The spoken forms (`lexicon/spoken.py`) join the lists above.
for _answer, _by_lang in (*SPOKEN.items(), ("dont_know", NOT_AN_ANSWER)):
    for _lang, _labels in _by_lang.items():
        _known = GENERIC_ANSWERS[_answer].setdefault(_lang, [])
        _known.extend(label for label in _labels if label not in _known)
# "经常" is the label of "frequently" in the Chinese catalog; "fairly often" must not claim it too.
GENERIC_ANSWERS["fairly_often"]["zh_Hans"].remove("经常")

