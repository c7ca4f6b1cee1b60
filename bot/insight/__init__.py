"""The anonymous picture for lokaal samenwerken (/inzicht): Rasa events in, counts per municipality out.

`counting` turns published events into deltas, `writing` adds them to the store, `consumer` reads them
from RabbitMQ (`python -m bot insight-consumer`, the cluster profile); in the embedded default
`bot.rasa_ext.insight_broker` counts inside the Rasa process. Never imports rasa_sdk.
"""
