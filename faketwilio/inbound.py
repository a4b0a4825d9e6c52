"""A client texting the app: the form Twilio POSTs to the incoming-message webhook.

SMS (fields as Twilio sends them; city, state and ZIP are empty when Twilio cannot tell):

    inbound_form("+16175550123", "Hola", to="+15005550006", account_sid=sid)
    -> {"ToCountry": "US", "ToState": "", "SmsMessageSid": "SM…", "NumMedia": "0", …,
        "Body": "Hola", "From": "+16175550123", "To": "+15005550006", "ApiVersion": "2010-04-01"}

WhatsApp adds ProfileName, WaId (digits only), MessageType and ButtonText/ButtonPayload for a
quick-reply tap, with `whatsapp:+E164` addresses.
"""

from __future__ import annotations

from collections.abc import Sequence

import phonenumbers

from faketwilio import shapes


def inbound_form(
    from_: str, body: str, *, to: str, account_sid: str, channel: str | None = None,
    profile_name: str | None = None, button_text: str | None = None, button_payload: str | None = None,
    media: Sequence[tuple[str, str]] = (), messaging_service_sid: str | None = None,
    message_sid: str | None = None,
) -> dict[str, str]:
    """The webhook form for one inbound message. `media` holds (url, content type) pairs."""
    channel = channel or shapes.split_channel(from_)[0]
    sender, recipient = shapes.split_channel(from_)[1], shapes.split_channel(to)[1]
    sid = message_sid or shapes.new_sid("MM" if media else "SM")
    form = {
        "SmsMessageSid": sid, "NumMedia": str(len(media)), "SmsSid": sid,
        "SmsStatus": "received", "Body": body,
    }
    if channel == "sms":
        form.update(_places("From", sender))
        form.update(_places("To", recipient))
        form.update(From=sender, To=recipient)
    else:
        form.update(
            From=f"{channel}:{sender}", To=f"{channel}:{recipient}", WaId=sender.lstrip("+"),
            ProfileName=profile_name or "", MessageType=_message_type(media, button_text or button_payload),
            ReferralNumMedia="0",
        )
        if button_text or button_payload:
            form.update(ButtonText=button_text or "", ButtonPayload=button_payload or "")
    if messaging_service_sid:
        form["MessagingServiceSid"] = messaging_service_sid
    for i, (url, content_type) in enumerate(media):
        form[f"MediaContentType{i}"] = content_type
        form[f"MediaUrl{i}"] = url
    form.update(
        NumSegments=str(shapes.num_segments(body, channel)), MessageSid=sid, AccountSid=account_sid,
        ApiVersion=shapes.API_VERSION,
    )
    return form


def _places(side: str, number: str) -> dict[str, str]:
    try:
        country = phonenumbers.region_code_for_number(phonenumbers.parse(number)) or ""
    except phonenumbers.NumberParseException:
        country = ""
    return {f"{side}Country": country, f"{side}State": "", f"{side}City": "", f"{side}Zip": ""}


def _message_type(media: Sequence[tuple[str, str]], button: str | None) -> str:
    if button:
        return "button"
    if not media:
        return "text"
    kind = media[0][1].split("/")[0]
    return kind if kind in ("image", "video", "audio") else "document"
