"""The Qt-free onboarding flow: typed state, steps, cancellation, retries."""
