#!/usr/bin/env bash
# macOS: "Photon Setup.app" in dist/Photon-Setup-VERSION.dmg, built from a fresh virtual
# environment with the one spec of all three systems (packaging/pyinstaller/photon-setup.spec).
#
#   packaging/macos/build-dmg.sh
#
# Needs Python 3.11+ (python.org's installer, or Homebrew's) and Xcode's command line tools.
# The .app runs on the architecture of the Python that built it: build on Apple silicon for
# arm64 and on an Intel Mac (or under Rosetta, with an x86_64 Python) for x86_64.
#
# Signing and notarisation, both optional (see packaging/README.md):
#   MACOS_CODESIGN_IDENTITY="Developer ID Application: Name (TEAMID)"
#       PyInstaller signs every library and the .app with the hardened runtime and
#       entitlements.plist; this script signs the .dmg. Without it the .app is signed ad hoc:
#       it runs on the Mac that built it, and elsewhere only after right-click > Open.
#   MACOS_NOTARY_PROFILE=photon-setup
#       a notarytool keychain profile, made once with
#       xcrun notarytool store-credentials photon-setup --apple-id ID --team-id TEAMID
#       (it asks for an app-specific password): the .dmg is notarised and the ticket stapled.
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=${PYTHON:-python3}
VENV=build/venv-macos
APP="dist/Photon Setup.app"

"$PYTHON" -m venv --clear "$VENV"
"$VENV/bin/python" -m pip install --quiet --upgrade pip
"$VENV/bin/python" -m pip install --quiet '.[dist]'
VERSION=$("$VENV/bin/python" -c 'import setup_wizard; print(setup_wizard.__version__)')

rm -rf "$APP" dist/photon-setup
"$VENV/bin/pyinstaller" --noconfirm --clean --distpath dist --workpath build/pyinstaller \
    packaging/pyinstaller/photon-setup.spec

# The bundle runs on its own, and its signature holds (ad hoc or not).
"$APP/Contents/MacOS/photon-setup" --version
codesign --verify --deep --strict --verbose=2 "$APP"
/usr/libexec/PlistBuddy -c 'Print :NSLocationWhenInUseUsageDescription' "$APP/Contents/Info.plist"

# The disk image: the app and a link to /Applications to drag it onto.
DMG="dist/Photon-Setup-$VERSION.dmg"
STAGE=build/dmg
rm -rf "$STAGE" "$DMG"
mkdir -p "$STAGE"
ditto "$APP" "$STAGE/Photon Setup.app"
ln -s /Applications "$STAGE/Applications"
hdiutil create -volname "Photon Setup $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO \
    -ov "$DMG"

if [ -n "${MACOS_CODESIGN_IDENTITY:-}" ]; then
    codesign --sign "$MACOS_CODESIGN_IDENTITY" --timestamp "$DMG"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    if [ -z "${MACOS_CODESIGN_IDENTITY:-}" ]; then
        echo "build-dmg.sh: notarisation needs a signed app: set MACOS_CODESIGN_IDENTITY" >&2
        exit 1
    fi
    xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose=2 "$DMG"
fi
echo "$DMG"
