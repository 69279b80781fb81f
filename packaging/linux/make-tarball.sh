#!/bin/sh
# The Linux download: the bundle folder as one tarball, photon-setup-VERSION-linux-ARCH.tar.gz,
# that unpacks into photon-setup-VERSION/. Run by `make dist`:
#   packaging/linux/make-tarball.sh dist/photon-setup dist
set -eu

bundle=$1
out=$2
version=$("$bundle/photon-setup" --version)  # "setup-wizard 1.2.3": the bundle's own
version=${version##* }
name=photon-setup-$version
tarball=$out/$name-linux-$(uname -m).tar.gz

# Owner and permissions as a user expects them after unpacking, whoever built it.
tar --create --gzip --file "$tarball" --owner=0 --group=0 --numeric-owner \
    --mode='u+rwX,go+rX,go-w' --sort=name \
    --directory "$(dirname "$bundle")" \
    --transform "s|^$(basename "$bundle")|$name|" "$(basename "$bundle")"
echo "$tarball: $(du -h "$tarball" | cut -f1)"
