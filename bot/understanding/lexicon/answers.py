"""Generic answers the flows can reuse as option labels, per language.

`GENERIC_ANSWERS[answer][lang]` lists what clients write for that answer, with and without accents
(both are listed where the accented form is what a phone keyboard suggests; matching ignores accents
anyway). Frequency answers follow the AHC HRSN answer lists: often/sometimes/never true (food items)
and never/rarely/sometimes/fairly often/frequently (safety items). Non-English entries are the
project's own work.
"""

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
