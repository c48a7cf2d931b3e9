# Used by `sam build` (template.yaml: Metadata BuildMethod makefile). Each target builds one function's
# deployable jar with Maven and unpacks it into the directory SAM zips for Lambda.
MVNW := ./mvnw -B -q -DskipTests

build-ArticlesFunction:
	$(MVNW) -pl functions/articles -am package
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/functions/articles/target/articles-function.jar"

build-RenderFunction:
	$(MVNW) -pl functions/render -am package
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/functions/render/target/render-function.jar"

build-CommentsFunction:
	$(MVNW) -pl functions/comments -am package
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/functions/comments/target/comments-function.jar"

# The schedule's handler ships in the articles jar.
build-PublishScheduledFunction:
	$(MVNW) -pl functions/articles -am package
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/functions/articles/target/articles-function.jar"
