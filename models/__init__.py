"""SQLAlchemy models. Importing this package registers every table on `Base.metadata`."""

from models.audit import AuditEntry, audit
from models.base import Base, db, utcnow
from models.case import Achievement, Goal, GoalProgress, GoalStatus, Note
from models.client import Channel, Client
from models.conversation import Conversation, ConversationStatus, Urgency
from models.event import Event
from models.message import Direction, Message, MessageStatus, MessageTranslation, Sender, TranslationStatus
from models.referral import CheckinStage, FhirReferral, FhirSender, Referral, ReferralStatus, ReferralStatusChange
from models.screening import Need, NeedStatus, Screening, ScreeningAnswer, ScreeningStatus
from models.staff import Role, User

__all__ = [
    "Achievement",
    "AuditEntry",
    "Base",
    "Channel",
    "Client",
    "Conversation",
    "ConversationStatus",
    "Direction",
    "Event",
    "FhirReferral",
    "FhirSender",
    "Goal",
    "GoalProgress",
    "GoalStatus",
    "Message",
    "MessageTranslation",
    "Need",
    "Note",
    "CheckinStage",
    "Referral",
    "ReferralStatus",
    "ReferralStatusChange",
    "NeedStatus",
    "Screening",
    "ScreeningAnswer",
    "ScreeningStatus",
    "MessageStatus",
    "Role",
    "Sender",
    "TranslationStatus",
    "Urgency",
    "User",
    "audit",
    "db",
    "utcnow",
]
