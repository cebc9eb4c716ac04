# Builds the site and deploys it.
JAVA     ?= java
MVN      := mvn -B -ntp
SITE_DIR  = site
SOURCES  := $(wildcard content/posts/*.md) $(shell find templates -name '*.mustache')
VERSION  := $(shell git describe --tags --always)

.PHONY: all build serve test clean deploy

all: build

target/kiln.jar: pom.xml $(wildcard src/main/java/**/*.java)
	$(MVN) package -DskipTests

build: target/kiln.jar $(SOURCES)
	$(JAVA) -jar $< build --output $(SITE_DIR)
	@echo "built $(VERSION) into $(SITE_DIR)/"

serve: target/kiln.jar
	$(JAVA) -jar target/kiln.jar serve --port 4000

test:
	$(MVN) test

%.min.css: %.css
	npx csso $< --output $@

deploy: build
ifeq ($(BUCKET),)
	$(error BUCKET is not set)
endif
	aws s3 sync $(SITE_DIR) s3://$(BUCKET) --delete

clean:
	rm -rf $(SITE_DIR) target
	-rm -f *.min.css

define HELP
make build   build the site
make serve   preview it
endef
export HELP
help:
	@echo "$$HELP"
