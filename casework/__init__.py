"""Casework: the rules of a client's case, shared by the dashboard, the reports and the pipeline.

Who may see which client, claiming and releasing a conversation, the queue's service levels,
escalation, referrals and their check-in schedule, what a CHW changes on a record, a client's
data on request, and the words staff read for every stored code (`labels`). No web views here:
the dashboard and the reports stand on this package, never the other way round.
"""
