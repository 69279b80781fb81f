"""The Photon's SoftAP setup protocol (TCP 5609 and HTTP 80), as a typed async client."""
