"""The HTTP edge of the conversation: Twilio's webhooks, the health check and the simulator.
Thin views that check, parse and hand over to the pipeline or a job."""
