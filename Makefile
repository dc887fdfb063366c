# The two commands of the README, and the steps they are made of.
#   make run    build jemu.jar, make the stock kernel and the seed initramfs, boot them on the terminal
#   make test   the whole test suite (builds the guest images it needs first)
IMAGES ?= $(or $(JEMU_IMAGES),$(HOME)/.cache/jemu/images)
export JEMU_IMAGES := $(IMAGES)
MVN ?= mvn -B -q
MVN_TEST ?= mvn -B --no-transfer-progress

.PHONY: run test jar images images-all unit clean

run: jar images
	./jemu -kernel $(IMAGES)/stock/bzImage -initrd $(IMAGES)/seed/initramfs.cpio.gz -nographic -append "console=ttyS0"

test: jar images-all
	$(MVN_TEST) verify
	@echo "checking that a second image build rebuilds nothing"
	@out=$$(src-test-images/make-images.sh all 2>&1 >/dev/null); echo "$$out"; \
	    echo "$$out" | grep -q "nothing to rebuild" || { echo "image cache check failed: something was rebuilt"; exit 1; }
	@cat */target/surefire-reports/TEST-*.xml | grep -o '<testsuite [^>]*' | \
	    sed 's/.* tests="\([0-9]*\)" errors="\([0-9]*\)" skipped="\([0-9]*\)" failures="\([0-9]*\)".*/\1 \2 \3 \4/' | \
	    awk '{t+=$$1; e+=$$2; s+=$$3; f+=$$4} END {printf "tests: %d passed, %d failed, %d skipped\n", t-e-s-f, e+f, s}'

jar:
	$(MVN) -DskipTests package

images: jar
	src-test-images/make-images.sh stock seed

images-all: jar
	src-test-images/make-images.sh all

unit:
	$(MVN_TEST) verify

clean:
	$(MVN) clean
