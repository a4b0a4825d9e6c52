"""Words that tell our languages apart, and what clients call each language.

MARKERS are common words of one language that do not also spell a common word of another once
accents are gone ("con" is Spanish "with" but Vietnamese "child", so it is left out). GREETINGS are
markers clear enough to decide on their own ("hola", "bonjou", "xin chào"); English greetings are
used by everyone and are not among them.
"""

MARKERS: dict[str, list[str]] = {
    "en": ["i", "need", "help", "with", "the", "my", "is", "are", "have", "has", "please", "want", "food", "rent",
           "you", "we", "and", "for", "this", "what", "how", "get", "pay", "thanks", "thank", "im", "dont", "would",
           "like", "job", "money", "bills", "housing", "shelter", "electricity", "looking", "about", "where",
           "there", "our", "kids", "family", "work", "it", "of", "am", "just", "can you", "good morning"],
    "es": ["necesito", "ayuda", "comida", "para", "por favor", "quiero", "tengo", "estoy", "el", "los", "las", "una",
           "que", "gracias", "donde", "como", "renta", "trabajo", "dinero", "hijos", "pagar", "luz", "soy",
           "puedo", "necesitamos", "ayudar", "familia", "casa", "busco", "mis", "ayudarme", "alquiler", "tambien",
           "muy", "pero", "porque", "usted", "ustedes", "nosotros", "del", "esta"],
    "vi": ["tôi", "xin", "giúp", "không", "được", "mình", "bạn", "nhà", "tiền", "việc", "làm", "muốn", "chị",
           "ơi", "vâng", "của", "những", "này", "thì", "rồi", "người", "giúp đỡ", "trợ giúp", "thực phẩm",
           "cảm ơn", "chúng tôi", "gia đình", "con tôi", "nhiều", "quá", "với", "cho"],
    "ht": ["mwen", "bezwen", "anpil", "tanpri", "kounye a", "konnen", "manje", "lajan", "travay", "kote", "kijan",
           "gen", "genyen", "ak", "pou", "nou", "kay", "timoun", "pitit", "ede", "èd", "lekòl", "machin", "limyè",
           "fanmi", "sante", "kisa", "poukisa", "paske", "ankò", "toujou", "vle", "konn", "sak pase", "nan", "m ap",
           "li", "pa gen", "ki jan", "yon"],
}

GREETINGS: dict[str, list[str]] = {
    "es": ["hola", "buenos dias", "buenas tardes", "buenas noches", "gracias", "buenas"],
    "vi": ["xin chào", "chào", "cảm ơn", "chào chị", "chào anh", "chào em"],
    "ht": ["bonjou", "bonswa", "mesi", "sak pase", "bonjou mwen", "kijan ou ye"],
}

NAMES: dict[str, list[str]] = {
    "en": ["english", "ingles", "anglais", "angle", "tieng anh", "英语", "英文", "انجليزي", "الانجليزية", "انجليزية",
           "الانكليزية", "انكليزي"],
    "es": ["spanish", "español", "castellano", "espagnol", "panyòl", "tieng tay ban nha", "西班牙语", "西班牙文",
           "الاسبانية", "اسباني", "اسبانية", "espanhol"],
    "vi": ["vietnamese", "vietnam", "viet", "tiếng việt", "việt nam", "vietnamita", "越南语", "越南文", "越南话",
           "الفيتنامية", "فيتنامي", "vyetnamyen"],
    "zh_Hans": ["chinese", "mandarin", "cantonese", "中文", "汉语", "普通话", "华语", "国语", "简体", "简体中文", "繁体",
                "繁体中文", "chino", "mandarín", "tiếng trung", "tiếng hoa", "chinwa", "الصينية", "صيني", "粤语",
                "广东话"],
    "ht": ["creole", "kreyòl", "kreyol ayisyen", "haitian", "haitian creole", "ayisyen", "criollo", "créole",
           "creole haitiano", "criollo haitiano", "海地克里奥尔语", "克里奥尔语", "الهايتية", "الكريولية", "kreol"],
    "ar": ["arabic", "arab", "árabe", "العربية", "عربي", "阿拉伯语", "阿拉伯文", "tiếng ả rập", "اللغة العربية"],
}
