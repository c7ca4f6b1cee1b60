# Dutch loneliness assistant. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
RASA := $(VENV)/bin/rasa
INSTALLED := $(VENV)/.installed
SPACY_DIR := var/spacy/nl
SPACY_READY := var/spacy/.prepared
SPACY_META := $(SPACY_DIR)/meta.json
MODEL := models/current.tar.gz
CHROMIUM_READY := var/.chromium-ready
TRAINING_DATA := data/nlu data/rules data/stories
TRAINING_INPUTS := config.yml $(shell find domain $(TRAINING_DATA) data/safety -name '*.yml' 2>/dev/null) \
	$(wildcard bot/rasa_ext/nlp/*.py) $(wildcard bot/safety/*.py bot/safety/rules/*.py) bot/text.py

# No telemetry or error reports leave the machine; quiet TensorFlow; readable logs.
export RASA_TELEMETRY_ENABLED := false
export TF_CPP_MIN_LOG_LEVEL := 3
export TF_ENABLE_ONEDNN_OPTS := 0
export SQLALCHEMY_SILENCE_UBER_WARNING := 1
export LOG_LEVEL_LIBRARIES := ERROR
export PYTHONWARNINGS := ignore

.PHONY: help setup train run cluster shell actions test lint bench clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-8s %s\n", $$1, $$2}'

setup: $(INSTALLED) ## create .venv, install, prepare the Dutch spaCy pipeline and the database
	@$(PY) -m bot.rasa_ext.nlp.dutch_pipeline prepare --try-download $(SPACY_DIR)
	@$(PY) -m bot setup-db

$(INSTALLED): pyproject.toml
	@scripts/make-venv.sh $(VENV)
	@touch $@

# Written once per install (a stamp records it); `make setup` tries nl_core_news_sm again.
$(SPACY_READY): $(INSTALLED)
	@$(PY) -m bot.rasa_ext.nlp.dutch_pipeline prepare --try-download $(SPACY_DIR)
	@touch $@

# meta.json changes only when the pipeline itself changes; only then is the model retrained.
$(SPACY_META): $(SPACY_READY) ;

train: $(MODEL) ## train the model when data, domain or config changed

$(MODEL): $(TRAINING_INPUTS) $(SPACY_META)
	@echo "Training the model (three to four minutes)..."
	@mkdir -p var && touch var/.train-started
	@$(RASA) train --config config.yml --domain domain --data $(TRAINING_DATA) \
		--out models --fixed-model-name current > var/train.log 2>&1 \
		|| { tail -40 var/train.log; echo "Training failed; the full log is var/train.log"; exit 1; }
	@touch -r var/.train-started $@  # inputs edited during training make the next run train again
	@echo "Model: $@"

run: $(MODEL) ## start Rasa (5005), the action server (5055) and the website chat (8080); Ctrl-C stops all
	@scripts/run.sh

cluster: $(MODEL) ## production profile: 2 Rasa replicas, 2 action servers, 2 gateways, HAProxy on 8080 (PostgreSQL, Redis, RabbitMQ)
	@scripts/cluster.sh

shell: $(MODEL) ## chat in the terminal (starts the action server too)
	@scripts/run.sh --shell

test: $(MODEL) $(CHROMIUM_READY) ## lint, data validation, story tests, then pytest (unit, model, store, integration, browser)
	@scripts/test.sh

# The browser tests drive Debian's Chromium (installed once when missing; Playwright downloads nothing).
$(CHROMIUM_READY):
	@scripts/install-chromium.sh
	@mkdir -p var && touch $@

lint: $(INSTALLED) ## ruff, and mypy on the gateway (bot/web)
	@$(VENV)/bin/ruff check bot actions tests bench
	@$(VENV)/bin/mypy bot/web

bench: $(MODEL) ## NLU, latency, activity look-up, gateway and handover benchmarks; JSON in bench/results/
	@$(PY) -m bench.run

clean: ## remove the model, var/ and caches (keeps .venv)
	rm -rf models var .rasa results tests/artifacts
