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
    "stop", "stopp", "stp", "回td", "stpo", "sotp", "stopall", "unsubscribe", "unsub", "optout", "td", "停止", "停", "退订",
    "ستوب", "وقف", "توقف", "بطلوا", "stop stop", "dezabone", "arete", "sispann",
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
    # Korean, Russian, Japanese, Persian, Urdu, Hindi, Bengali, Gujarati, Telugu
    "그만 보내*", "보내지 마*", "연락하지 마*", "귀찮게 하지*", "не пишите", "хватит (мне )?писать", "остановите рассылку",
    "отстаньте", "連絡しないで", "送らないで", "ほっといて", "پیام نفرستید", "پیام ندید", "مزاحم نشید", "ولم کنید",
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
