"""Command words per keyword and language.

WHOLE: counts only when it is the whole message (give or take "please", punctuation, emoji), the way
carriers treat STOP: "stop" is an opt-out, "bus stop on main street" is not.
PHRASES: explicit requests that count anywhere in a message ("please stop texting me"), written in
the pattern syntax of `bot.understanding.phrases`; they do not count right after a negation ("he won't stop texting
me", "no quiero hablar con nadie").
"""

WHOLE: dict[str, dict[str, list[str]]] = {
    "stop": {
        "en": ["stop", "stopall", "stop all", "unsubscribe", "unsub", "end", "quit", "revoke", "optout", "opt out",
               "cancel", "remove me", "stop texting", "stop messages", "leave me alone", "no more texts",
               "no more messages"],
        "es": ["para", "parar", "pare", "paren", "alto", "basta", "cancelar", "cancela", "baja", "darme de baja",
               "detener", "no mas mensajes", "desuscribir", "desuscribirme", "salir"],
        "vi": ["dừng", "dung", "dừng lại", "dung lai", "ngừng", "ngưng", "hủy", "huỷ", "huy", "hủy đăng ký",
               "huỷ đăng ký"],
        "zh_Hans": ["停止", "退订", "取消", "取消订阅", "退出", "td", "不要再发", "别发了"],
        "ht": ["sispann", "sispan", "kanpe", "rete", "anile", "dezabone"],
        "ar": ["توقف", "توقفوا", "قف", "اوقف", "الغاء", "إلغاء", "ايقاف", "إيقاف", "الغاء الاشتراك", "كفى",
               "كفاية"],
    },
    "start": {
        "en": ["start", "unstop", "subscribe", "resume", "opt in", "optin"],
        "es": ["iniciar", "comenzar", "empezar", "suscribir", "suscribirme", "reanudar"],
        "vi": ["bắt đầu", "đăng ký"],
        "zh_Hans": ["开始", "订阅", "恢复"],
        "ht": ["kòmanse", "abòne"],
        "ar": ["ابدأ", "بدء", "اشتراك", "اشترك"],
    },
    "help": {
        "en": ["help", "info", "information"],
        "es": ["ayuda", "info", "informacion"],
        "vi": ["giúp", "giúp đỡ", "trợ giúp", "thông tin"],
        "zh_Hans": ["帮助", "说明", "信息"],
        "ht": ["èd", "enfo", "enfòmasyon"],
        "ar": ["مساعدة", "معلومات"],
    },
    "agent": {
        "en": ["agent", "human", "a human", "person", "a person", "real person", "live person", "live agent", "chw",
               "health worker", "community health worker", "operator", "representative", "rep", "staff"],
        "es": ["agente", "humano", "persona", "una persona", "persona real", "operador", "operadora",
               "representante", "promotora", "promotor", "promotora de salud", "trabajadora de salud"],
        "vi": ["nhân viên", "người thật", "gặp người", "tư vấn viên"],
        "zh_Hans": ["人工", "转人工", "人工服务", "客服", "真人", "工作人员"],
        "ht": ["moun", "yon moun", "ajan", "anplwaye"],
        "ar": ["موظف", "انسان", "وكيل", "ممثل", "مسؤول"],
    },
    "lang": {
        "en": ["lang", "language", "languages"],
        "es": ["idioma", "idiomas", "lenguaje"],
        "vi": ["ngôn ngữ"],
        "zh_Hans": ["语言"],
        "ht": ["lang", "langaj"],
        "ar": ["لغة", "اللغة", "اللغات"],
    },
    "menu": {
        "en": ["menu", "main menu", "restart", "start over", "start again", "reset", "begin again"],
        "es": ["menú", "menu principal", "reiniciar", "empezar de nuevo", "volver a empezar", "comenzar de nuevo",
               "inicio", "volver al inicio"],
        "vi": ["bắt đầu lại", "làm lại", "menu chính"],
        "zh_Hans": ["重新开始", "菜单", "主菜单", "重来"],
        "ht": ["rekòmanse", "meni", "kòmanse ankò"],
        "ar": ["ابدأ من جديد", "القائمة", "قائمة", "القائمة الرئيسية", "من البداية"],
    },
    "skip": {
        "en": ["skip", "pass", "next", "skip it", "skip this", "skip question", "next question", "no comment",
               "prefer not to answer", "prefer not to say", "rather not say"],
        "es": ["saltar", "salta", "paso", "siguiente", "omitir", "pasar", "sin comentarios",
               "prefiero no contestar", "prefiero no responder", "prefiero no decir"],
        "vi": ["bỏ qua", "câu tiếp theo", "không muốn trả lời"],
        "zh_Hans": ["跳过", "不想回答", "下一个", "下一题", "略过"],
        "ht": ["sote", "pase", "pa reponn", "mwen pa vle reponn"],
        "ar": ["تخطي", "تخطى", "تجاوز", "التالي", "لا اريد الاجابة", "افضل عدم الاجابة"],
    },
    "more": {
        "en": ["more", "show more", "see more", "more options", "more results", "more please"],
        "es": ["más", "ver más", "más opciones", "otros", "otras", "mas resultados"],
        "vi": ["thêm", "xem thêm"],
        "zh_Hans": ["更多", "还有吗", "再来"],
        "ht": ["plis", "plis ankò", "lòt yo"],
        "ar": ["المزيد", "اكثر", "مزيد"],
    },
}

_PEOPLE_EN = ("(someone|somebody|a person|a human|a real person|a live person|an agent|a live agent|a chw|my chw"
              "|a representative|a rep|an operator|a staff member|staff|a worker|a health worker"
              "|a community health worker|a real human|an actual person)")

PHRASES: dict[str, dict[str, list[str]]] = {
    "stop": {
        "en": ["stop (texting|messaging|txting|sending|contacting|bothering) [me]",
               "(dont|do not|never) (text|message|txt|contact) me",
               "no more (texts|messages|text messages|txts|msgs)",
               "unsubscribe me", "opt me out", "remove me from (this|the|your) [texting|text|mailing] list",
               "take me off (this|the|your) [texting|text|mailing] list", "remove my number",
               "(dont|do not) want (these|your|any more|anymore|more) (texts|messages)"],
        "es": ["(deja|dejen|dejar|deje) de (mandarme|enviarme|escribirme|mandar|enviar|escribir|molestarme)",
               "no me (escriban|escribas|escriba|manden|mandes|mande|envien|envies|envie) [mas] (mensajes|mas)",
               "no (mas|quiero mas|quiero recibir) (mensajes|textos)", "ya no quiero [recibir] (mensajes|textos)",
               "(darme|dar|dame|denme) de baja", "cancelar [la|mi] suscripcion",
               "(quitenme|quiteme|borrenme|sacame|saquenme) de [la] lista"],
        "vi": ["(đừng|dung|ngừng|dừng|ngưng) (nhắn tin|nhắn|gửi tin|gửi tin nhắn|gửi) [cho tôi|cho em|cho mình]",
               "không muốn nhận tin [nhắn] nữa", "hủy đăng ký", "huỷ đăng ký"],
        "zh_Hans": ["别再[给我|跟我]发", "不要再[给我]发", "别给我发", "不要给我发(短信|消息|信息)",
                    "停止发送", "退订", "取消订阅", "不要再联系我", "别再联系我"],
        "ht": ["pa (voye|voyem|ekri|ekrim) [m|mwen] [mesaj] anko", "sispann (voye|ekri|voyem|ekrim) [m|mwen] [mesaj]",
               "(mwen|m) pa vle resevwa mesaj anko", "(retire|retirem|wete|wetem) [m|mwen] (sou|nan) lis la"],
        "ar": ["توقفوا عن (مراسلتي|ارسال الرسائل|الارسال|ارسال رسائل)", "توقف عن (مراسلتي|ارسال الرسائل)",
               "لا (ترسلوا|ترسل|تبعث|تبعتوا) (لي|الي) [رسائل]", "لا (تراسلوني|تراسلني)",
               "الغاء الاشتراك", "لا اريد (رسائل|استلام رسائل|تلقي رسائل)"],
    },
    "agent": {
        "en": [f"(talk|speak|chat|text|txt) (to|with) {_PEOPLE_EN}",
               "(need|want|get) (a|an) (human|person|agent|real person|live person|chw)",
               f"(connect|transfer|put) me (to|with|through to) {_PEOPLE_EN}", "real person"],
        "es": ["(hablar|comunicarme|platicar|hablo) con (alguien|una persona|un humano|un agente|una agente"
               "|un representante|una promotora|un promotor|una trabajadora|un trabajador|mi promotora"
               "|una persona real|el personal)",
               "persona real"],
        "vi": ["gặp (nhân viên|người thật|tư vấn viên)", "nói chuyện (với|cùng) (người|nhân viên|ai đó|người thật)",
               "(cần|muốn) gặp người"],
        "zh_Hans": ["(转|找|要|接|联系)人工", "人工(服务|客服)", "真人", "找客服", "(找|要|联系|和|跟)工作人员",
                    "(和|跟|与)(人|真人|客服)(说话|聊|谈|通话)"],
        "ht": ["pale (ak|avek) (yon moun|moun|yon ajan|yon anplwaye|yon vre moun|yon moun reyel)"],
        "ar": ["(التحدث|اتحدث|احكي|اكلم|اتكلم|التكلم|الحديث|الكلام) (مع|الى) (شخص|موظف|انسان|احد|حد|مسؤول)",
               "شخص حقيقي"],
    },
    "lang": {
        "en": ["change [the|my] language", "(different|other|another) language", "switch [the] language"],
        "es": ["cambiar [el|de] idioma", "otro idioma", "cambio de idioma"],
        "vi": ["(đổi|thay đổi|chọn) ngôn ngữ"],
        "zh_Hans": ["(换|更改|切换|改|选择|换个)语言"],
        "ht": ["chanje lang", "lot lang"],
        "ar": ["تغيير اللغة", "غير اللغة", "لغة اخرى"],
    },
    "menu": {
        "en": ["start over", "start again", "start from the beginning"],
        "es": ["empezar de nuevo", "volver a empezar", "comenzar de nuevo", "empezar otra vez"],
        "vi": ["bắt đầu lại"],
        "zh_Hans": ["重新开始"],
        "ht": ["rekomanse"],
        "ar": ["(ابدأ|نبدأ|البدء|ابدا|نبدا) من (جديد|البداية)"],
    },
    "skip": {
        "en": ["(prefer|rather) not (to answer|answer|to say|say)", "(dont|do not) want to answer",
               "skip (this|that) [one|question]"],
        "es": ["prefiero no (contestar|responder|decir|decirlo)", "no quiero (contestar|responder)"],
        "vi": ["không muốn trả lời"],
        "zh_Hans": ["不想回答", "跳过"],
        "ht": ["pa vle reponn"],
        "ar": ["لا اريد الاجابة", "افضل عدم الاجابة"],
    },
}

# Typed alone without accents, "dung" is as likely "đúng" (right, yes) and "huy" a name as a request
# to stop: as a whole message only the accented "dừng" and "hủy" opt out.
BARE_NOT_COMMANDS = frozenset({"dung", "huy"})

# Unaccented spellings that also spell an everyday word once accents are gone: a message whose raw
# text has one of the listed accented words is not the command ("đúng" is "right", not "dừng").
FALSE_FRIENDS: dict[str, list[str]] = {
    "dung": ["đúng", "dùng", "đứng", "đụng", "dũng", "dụng", "dúng", "đung"],
}
