# Used by `sam build` (template.yaml: Metadata BuildMethod makefile), which runs `make build-<FunctionId>` in a
# copy of the repository. Each function's deployable jar is built by Maven and unpacked into the directory SAM
# zips for Lambda. PublishScheduledFunction ships in the articles jar,
# PreviewFunction and PublicRecordFunction in the render jar, MediaFailureFunction in the media jar,
# CommentDigestFunction and ReviewNotifyFunction in the notify jar.
MVNW := ./mvnw -B -q -DskipTests

MODULE_ArticlesFunction := articles
MODULE_PublishScheduledFunction := articles
MODULE_CommentsFunction := comments
MODULE_RenderFunction := render
MODULE_PreviewFunction := render
MODULE_PublicRecordFunction := render
MODULE_MediaFunction := media
MODULE_MediaFailureFunction := media
MODULE_CommentDigestFunction := notify
MODULE_ReviewNotifyFunction := notify

build-%:
	@test -n "$(MODULE_$*)" || { echo "Makefile: no module for $*" >&2; exit 1; }
	$(MVNW) -pl functions/$(MODULE_$*) -am package
	cd "$(ARTIFACTS_DIR)" && unzip -q -o "$(CURDIR)/functions/$(MODULE_$*)/target/$(MODULE_$*)-function.jar"
