import gzip

import pytest

from crosswire.errors import CrosswireError
from crosswire.ingest.decode import decode_text, gunzip, looks_binary, read_bytes


def test_latin1_is_decoded_not_mangled():
    data = "Le café du port rouvrira après la crue, a déclaré la maire.".encode("latin-1")
    assert decode_text(data) == "Le café du port rouvrira après la crue, a déclaré la maire."


def test_utf8_bom_is_dropped():
    assert decode_text("\ufeffHello".encode("utf-8")) == "Hello"


def test_binary_is_refused():
    assert looks_binary(bytes(range(256)) * 10)
    with pytest.raises(CrosswireError) as exc:
        decode_text(b"\x00\x01\x02binary\x00" * 50)
    assert exc.value.code == "E002"


def test_truncated_gzip_is_an_error_not_a_prefix():
    data = gzip.compress(("The levee held through the night. " * 200).encode())
    with pytest.raises(CrosswireError) as exc:
        gunzip(data[: len(data) // 2])
    assert exc.value.code == "E004"
    assert gunzip(data).startswith(b"The levee held")


def test_empty_file(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(CrosswireError) as exc:
        read_bytes(path)
    assert exc.value.code == "E001"


def test_too_large(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2000)
    with pytest.raises(CrosswireError) as exc:
        read_bytes(path, max_bytes=1000)
    assert exc.value.code == "E006"


def test_mixed_utf8_and_latin1_keeps_both():
    data = "Zoë said the café was open. ".encode() + "Le gâteau était prêt.".encode("latin-1")
    assert decode_text(data) == "Zoë said the café was open. Le gâteau était prêt."
