"""Small words every matcher needs: negations, politeness fillers, "and", number words."""

# Words that turn the phrase right after them around ("not often", "no quiero", "không có").
NEGATIONS: dict[str, list[str]] = {
    "en": ["not", "no", "dont", "do not", "never", "wont", "doesnt", "didnt", "isnt", "cant", "cannot",
           "nobody", "nothing", "without"],
    "es": ["no", "nunca", "jamas", "tampoco", "ni", "sin", "nadie", "nada"],
    "vi": ["không", "khong", "ko", "k", "hông", "chưa", "chẳng", "chả", "đừng", "đâu có", "chua"],
    "zh_Hans": ["不", "没", "别", "无", "未", "非"],
    "ht": ["pa", "p", "pat", "janm", "jamè", "okenn", "san"],
    "ar": ["لا", "لم", "لن", "ما", "ليس", "مش", "مو", "بدون", "غير", "msh", "mesh", "mish", "mush", "mch", "mosh"],
}

# Words that contain a negation but do not negate what follows ("忍不住" is "can't help doing").
NOT_NEGATING: list[str] = ["忍不住", "禁不住", "不停", "不断", "不得不", "不停地"]

# Words after which a "no" opens the sentence instead of negating ("no i want to talk to someone").
AFTER_INTERJECTION_NO: list[str] = ["i", "im", "he", "hes", "she", "shes", "we", "they", "theyre", "it", "its", "my",
                                    "please", "pls", "just", "but"]

# Politeness and filler words that may surround a one-word command ("STOP please", "para ya").
FILLERS: dict[str, list[str]] = {
    "en": ["please", "pls", "plz", "plse", "now", "right now", "ok", "okay", "thanks", "thank you", "thx", "ty",
           "just", "asap", "already", "again"],
    "es": ["por favor", "porfa", "porfavor", "xfa", "plis", "ya", "ahora", "ahorita", "gracias", "ok", "okey"],
    "vi": ["xin", "làm ơn", "nhé", "nha", "ạ", "đi", "cảm ơn", "ngay", "luôn", "dùm", "giùm", "ok"],
    "zh_Hans": ["请", "谢谢", "吧", "了", "啊", "呀", "一下", "吗", "我要", "我想"],
    "ht": ["tanpri", "souple", "mesi", "kounye a", "ok", "non"],
    "ar": ["من فضلك", "لو سمحت", "شكرا", "الان", "رجاء", "ارجوك", "يا"],
}

# Words that join several picks in one reply ("1 and 3", "moho y goteras", "1和3").
CONNECTORS: dict[str, list[str]] = {
    "en": ["and", "also", "plus", "with", "or", "both"],
    "es": ["y", "e", "tambien", "con", "o", "ademas"],
    "vi": ["và", "với", "cả", "hoặc", "cũng"],
    "zh_Hans": ["和", "跟", "与", "还有", "也", "或", "以及"],
    "ht": ["ak", "epi", "e", "osi", "avek", "oswa"],
    "ar": ["و", "مع", "او", "ايضا"],
}

# Words that may stand around an option number ("option 2", "#2", "el 2", "选项2", "رقم ٢").
NUMBER_FILLERS: dict[str, list[str]] = {
    "en": ["option", "options", "number", "num", "choice", "answer", "the", "is", "my", "its", "i", "pick",
           "choose", "select"],
    "es": ["opcion", "opciones", "numero", "el", "la", "los", "las", "es", "mi", "respuesta", "escojo", "elijo"],
    "vi": ["số", "lựa chọn", "chọn", "câu", "đáp án", "là", "tôi"],
    "zh_Hans": ["选", "选项", "第", "个", "号", "选择", "是", "我"],
    "ht": ["opsyon", "nimewo", "chwa", "repons", "se", "mwen", "chwazi"],
    "ar": ["خيار", "رقم", "اختيار", "الخيار", "الرقم", "اختار"],
}

# Number words 1-10 per language, in order (a few ordinals for the languages that use them in replies).
NUMBER_WORDS: dict[str, list[list[str]]] = {
    "en": [["one", "first"], ["two", "second"], ["three", "third"], ["four", "fourth"], ["five", "fifth"],
           ["six"], ["seven"], ["eight"], ["nine"], ["ten"]],
    "es": [["uno", "una", "primero", "primera"], ["dos", "segundo", "segunda"], ["tres", "tercero", "tercera"],
           ["cuatro", "cuarto", "cuarta"], ["cinco", "quinto", "quinta"], ["seis"], ["siete"], ["ocho"],
           ["nueve"], ["diez"]],
    "vi": [["một"], ["hai"], ["ba"], ["bốn"], ["năm"], ["sáu"], ["bảy"], ["tám"], ["chín"], ["mười"]],
    "zh_Hans": [["一"], ["二", "两"], ["三"], ["四"], ["五"], ["六"], ["七"], ["八"], ["九"], ["十"]],
    "ht": [["en", "youn"], ["de"], ["twa"], ["kat"], ["senk"], ["sis"], ["sèt"], ["uit"], ["nèf"], ["dis"]],
    "ar": [["واحد", "الاول"], ["اثنين", "اثنان", "الثاني"], ["ثلاثة", "الثالث"], ["اربعة", "الرابع"],
           ["خمسة", "الخامس"], ["ستة"], ["سبعة"], ["ثمانية"], ["تسعة"], ["عشرة"]],
}
