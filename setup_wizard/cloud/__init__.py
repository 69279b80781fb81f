"""The Particle Cloud calls of the onboarding journey, as a typed async client."""
