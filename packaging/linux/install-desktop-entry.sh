#!/bin/sh
# Adds Photon Setup to this user's applications menu, with its icon, no administrator needed:
# the menu entry starts the photon-setup beside this script. Run it again after moving the
# folder; `install-desktop-entry.sh --remove` takes the entry out again.
set -eu

app_id=io.github.photon_setup.PhotonSetup
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
entry=$data/applications/$app_id.desktop

if [ "${1:-}" = "--remove" ]; then
    rm -f "$entry" "$data/metainfo/$app_id.metainfo.xml"
    find "$data/icons/hicolor" -name "$app_id.*" -type f -exec rm -f {} + 2>/dev/null || true
    echo "Photon Setup is no longer in the applications menu."
    exit 0
fi

executable=$here/photon-setup
if [ ! -x "$executable" ]; then
    echo "install-desktop-entry.sh: no photon-setup beside this script ($here)" >&2
    exit 1
fi
case $executable in
    *[\"\`\$\\%]*)
        echo "install-desktop-entry.sh: the folder's path has one of \" \` \$ \\ %, which a menu" \
            "entry cannot hold; move the folder (e.g. to ~/Applications) and run this again" >&2
        exit 1
        ;;
esac

mkdir -p "$data/applications" "$data/metainfo" "$data/icons"
# The entry as shipped, but Exec names this folder's executable (quoted: the path may have spaces).
while IFS= read -r line; do
    case $line in
        Exec=*) printf 'Exec="%s"\n' "$executable" ;;
        *) printf '%s\n' "$line" ;;
    esac
done <"$here/share/applications/$app_id.desktop" >"$entry.tmp"
mv "$entry.tmp" "$entry"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data/metainfo/"
cp -R "$here/share/icons/hicolor" "$data/icons/"
if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$data/applications" || true
fi
echo "Photon Setup is in the applications menu (${entry})."
