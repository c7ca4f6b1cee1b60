"""The gateway's request handlers, one module per page; `bot.web.routes` lists their URLs."""
