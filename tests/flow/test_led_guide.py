"""The LED guide shows what a person sees on their Photon, timed as the firmware times it."""

from __future__ import annotations

import re

import pytest

from setup_wizard.flow.led_guide import (
    BLUE,
    CYAN,
    GREEN,
    GUIDE,
    LISTENING_PATTERN,
    LOOKS_DIFFERENT_PATTERNS,
    MAGENTA,
    ORANGE,
    RED,
    WAITING_PATTERNS,
    WAITING_TROUBLE_PATTERNS,
    WHITE,
    YELLOW,
    Curve,
    LedLook,
    LedPattern,
    Segment,
    sos_look,
)

_COMMAND = re.compile(r"\bparticle (keys|flash|update|serial|doctor|setup)\b|--|DEVICE_ID")


def lit_runs(look: LedLook) -> list[tuple[tuple[int, int, int], int]]:
    """(colour, how long) for each stretch the LED is lit, in order."""
    runs: list[tuple[tuple[int, int, int], int]] = []
    previous_lit = False
    for segment in look.segments:
        lit = segment.curve is not Curve.OFF
        if lit and previous_lit and runs[-1][0] == segment.colour:
            runs[-1] = (segment.colour, runs[-1][1] + segment.duration_ms)
        elif lit:
            runs.append((segment.colour, segment.duration_ms))
        previous_lit = lit
    return runs


def test_listening_mode_blinks_dark_blue_on_a_half_second_cycle() -> None:
    look = LISTENING_PATTERN.look
    assert LISTENING_PATTERN is LedPattern.LISTENING
    assert look.cycle_ms == 500
    assert look.colours == (BLUE,)
    assert look.light_at(0).lit
    assert look.light_at(249).lit
    assert not look.light_at(250).lit
    assert not look.light_at(499).lit
    assert look.light_at(500 * 7 + 10).lit  # it keeps going
    assert LISTENING_PATTERN.info.name == "Blinking dark blue"


@pytest.mark.parametrize(
    ("pattern", "colour", "cycle_ms"),
    [
        (LedPattern.NETWORK_CONNECTING, GREEN, 200),
        (LedPattern.NETWORK_DHCP, GREEN, 100),
        (LedPattern.CLOUD_CONNECTING, CYAN, 200),
        (LedPattern.CLOUD_HANDSHAKE, CYAN, 100),
        (LedPattern.DFU, YELLOW, 200),
        (LedPattern.SAFE_MODE_SELECTION, MAGENTA, 200),
        (LedPattern.WIFI_RESET_AT_BOOT, WHITE, 100),
    ],
)
def test_blinking_patterns_blink_at_the_firmware_rate_lit_for_the_first_half(
    pattern: LedPattern, colour: tuple[int, int, int], cycle_ms: int
) -> None:
    look = pattern.look
    assert look.cycle_ms == cycle_ms
    assert look.colours == (colour,)
    assert look.light_at(cycle_ms / 2 - 1).lit
    assert not look.light_at(cycle_ms / 2).lit


@pytest.mark.parametrize(
    ("pattern", "colour"),
    [
        (LedPattern.CLOUD_CONNECTED, CYAN),
        (LedPattern.SAFE_MODE, MAGENTA),
        (LedPattern.NETWORK_NO_CLOUD, GREEN),
        (LedPattern.WIFI_ON_NOT_CONNECTED, BLUE),
        (LedPattern.WIFI_OFF, WHITE),
    ],
)
def test_breathing_fades_out_and_back_in_over_four_seconds(
    pattern: LedPattern, colour: tuple[int, int, int]
) -> None:
    look = pattern.look
    assert look.cycle_ms == 4000
    assert look.colours == (colour,)
    assert look.light_at(0).brightness == 1.0
    assert look.light_at(1000).brightness == pytest.approx(0.5)
    assert look.light_at(2000).brightness == 0.0
    assert look.light_at(3000).brightness == pytest.approx(0.5)
    assert look.light_at(3999).brightness > 0.99


@pytest.mark.parametrize("code", [1, 8, 13, 14])
def test_sos_has_the_firmware_timing_and_then_the_code(code: int) -> None:
    look = sos_look(code)
    # services/src/panic.c: 3 x (150 on, 100 off) + 100, 3 x (300, 100) + 100, 3 x (150, 100)
    # + 900, then code x (300 on, 300 off) + 800.
    assert look.cycle_ms == 4600 + 600 * code
    assert [ms for _, ms in lit_runs(look)] == [150] * 3 + [300] * 3 + [150] * 3 + [300] * code
    assert look.colours == (RED,)


def test_the_sos_picture_shows_code_1_the_most_common() -> None:
    assert LedPattern.RED_SOS.look == sos_look(1)
    with pytest.raises(ValueError, match="1 to 14"):
        sos_look(15)  # security fault exists only on newer devices


@pytest.mark.parametrize(
    ("pattern", "orange_blinks"), [(LedPattern.NO_INTERNET, 2), (LedPattern.CLOUD_UNREACHABLE, 3)]
)
def test_cloud_failures_show_orange_blinks_between_cyan_blinking(
    pattern: LedPattern, orange_blinks: int
) -> None:
    runs = lit_runs(pattern.look)
    orange = [ms for colour, ms in runs if colour == ORANGE]
    assert orange == [250] * orange_blinks
    assert runs[0][0] == CYAN
    assert runs[-1][0] == ORANGE
    assert {colour for colour, _ in runs} == {CYAN, ORANGE}


@pytest.mark.parametrize(
    ("pattern", "flash"),
    [
        (LedPattern.BAD_DEVICE_KEY, ORANGE),
        (LedPattern.BAD_SERVER_KEY, MAGENTA),
        (LedPattern.HANDSHAKE_ERROR, RED),
    ],
)
def test_handshake_errors_show_one_flash_after_cyan(
    pattern: LedPattern, flash: tuple[int, int, int]
) -> None:
    runs = lit_runs(pattern.look)
    assert [ms for colour, ms in runs if colour == flash] == [250]
    assert runs[-1] == (flash, 250)
    assert all(colour == CYAN for colour, _ in runs[:-1])


def test_a_firmware_update_flickers_unevenly_in_magenta() -> None:
    look = LedPattern.FIRMWARE_UPDATE.look
    assert look.colours == (MAGENTA,)
    assert len({ms for _, ms in lit_runs(look)}) > 3


def test_network_reset_flickers_blue_every_50_ms_then_listens_again() -> None:
    look = LedPattern.WIFI_RESET.look
    runs = lit_runs(look)
    assert [ms for _, ms in runs[:12]] == [50] * 12
    assert [ms for _, ms in runs[12:]] == [250] * 4
    assert look.colours == (BLUE,)


def test_no_light_never_lights_and_solid_never_blinks() -> None:
    dark = LedPattern.NO_LIGHT.look
    assert not any(dark.light_at(t).lit for t in range(0, 1000, 50))
    assert not dark.animated
    solid = LedPattern.SOLID.look
    assert all(s.curve is Curve.ON for s in solid.segments)
    assert all(solid.light_at(t).brightness == 1.0 for t in range(0, solid.cycle_ms, 100))


def test_every_pattern_is_described() -> None:
    assert set(GUIDE) == set(LedPattern)
    for pattern, info in GUIDE.items():
        assert info.pattern is pattern
        assert info.name
        assert info.meaning
        assert info.what_to_do
        assert all(sentence.strip() for sentence in info.what_to_do)


def test_every_tile_in_my_led_looks_different_has_a_distinct_name_and_a_remedy() -> None:
    assert LISTENING_PATTERN not in LOOKS_DIFFERENT_PATTERNS
    assert len(set(LOOKS_DIFFERENT_PATTERNS)) == len(LOOKS_DIFFERENT_PATTERNS)
    names = [p.info.name for p in LOOKS_DIFFERENT_PATTERNS]
    assert len(set(names)) == len(names)
    for pattern in LOOKS_DIFFERENT_PATTERNS:
        assert len(" ".join(pattern.info.what_to_do)) > 20, pattern
    # The likeliest sights when setup is not where it should be are all offered.
    for expected in (
        LedPattern.CLOUD_CONNECTED,
        LedPattern.NETWORK_CONNECTING,
        LedPattern.SAFE_MODE,
        LedPattern.DFU,
        LedPattern.RED_SOS,
        LedPattern.NO_LIGHT,
    ):
        assert expected in LOOKS_DIFFERENT_PATTERNS


def test_a_person_at_home_is_never_told_to_type_a_command() -> None:
    for info in GUIDE.values():
        for text in (info.name, info.meaning, *info.what_to_do):
            assert not _COMMAND.search(text), info.pattern


def test_getting_back_to_listening_mode_is_explained_wherever_it_is_the_way_out() -> None:
    for pattern in (LedPattern.CLOUD_CONNECTED, LedPattern.NETWORK_NO_CLOUD, LedPattern.DFU):
        text = " ".join(pattern.info.what_to_do)
        assert "hold SETUP for about 3 seconds" in text.replace("Hold", "hold"), pattern


def test_the_waiting_page_shows_the_way_to_the_cloud_and_warns_not_to_unplug() -> None:
    assert WAITING_PATTERNS[0] is LedPattern.NETWORK_CONNECTING
    assert WAITING_PATTERNS[-1] is LedPattern.CLOUD_CONNECTED
    assert LedPattern.CLOUD_CONNECTING in WAITING_PATTERNS
    for update in (LedPattern.FIRMWARE_UPDATE, LedPattern.SAFE_MODE):
        assert update in WAITING_PATTERNS
        assert "don't unplug" in " ".join(update.info.what_to_do).lower()
    assert not set(WAITING_PATTERNS) & set(WAITING_TROUBLE_PATTERNS)
    # Back to blinking dark blue after the details were sent: the password, most likely.
    assert LedPattern.LISTENING in WAITING_TROUBLE_PATTERNS
    assert "password" in " ".join(LedPattern.LISTENING.info.what_to_do)


def test_a_look_wraps_around_and_rejects_empty_animations() -> None:
    look = LedLook((Segment(RED, Curve.ON, 100), Segment(RED, Curve.OFF, 100)))
    assert look.light_at(1050).lit
    assert not look.light_at(1150).lit
    assert look.light_at(50).rgb == (255, 0, 0)
    assert look.light_at(150).rgb == (0, 0, 0)
    with pytest.raises(ValueError, match="at least one"):
        LedLook(())
    with pytest.raises(ValueError, match="at least 1 ms"):
        Segment(RED, Curve.ON, 0)
