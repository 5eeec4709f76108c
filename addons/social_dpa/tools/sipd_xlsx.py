# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""Write an XLSX shaped like the SIPD export of a DPA (used to build the
sample file data/sipd_sample.xlsx, by the tests and by the benchmark).

Run as a script to regenerate the sample:
``python3 -m odoo.addons.social_dpa.tools.sipd_xlsx`` (or directly with
``python3 tools/sipd_xlsx.py``).
"""

import io
import logging

import openpyxl

_logger = logging.getLogger(__name__)

HEADER = (
    "Kode",
    "Uraian",
    "Komponen",
    "Koefisien/Volume",
    "Satuan",
    "Harga Satuan",
    "Jumlah",
)

SAMPLE_ROWS = [
    ("1.06.04", "Program Rehabilitasi Sosial"),
    (
        "1.06.04.2.01",
        (
            "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak "
            "Terlantar, Lanjut Usia Terlantar, serta Gelandangan Pengemis di Luar "
            "Panti Sosial"
        ),
    ),
    ("1.06.04.2.01.0001", "Penyediaan Permakanan"),
    (
        "5.1.02.01.01.0052",
        "Belanja Makanan dan Minuman Rapat",
        "Nasi kotak",
        1500,
        "kotak",
        25000,
        37500000,
    ),
    (
        "5.1.02.01.01.0024",
        "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
        "Alat tulis pendataan",
        10,
        "paket",
        150000,
        1500000,
    ),
    ("1.06.04.2.01.0002", "Penyediaan Sandang"),
    (
        "5.1.02.05.01.0001",
        "Belanja Barang untuk Diserahkan kepada Masyarakat",
        "Paket sandang",
        80,
        "paket",
        350000,
        28000000,
    ),
    ("1.06.04.2.01.0010", "Pemberian Pelayanan Reunifikasi Keluarga"),
    (
        "5.1.02.04.01.0001",
        "Belanja Perjalanan Dinas Biasa",
        "Pendampingan reunifikasi",
        10,
        "OK",
        3000000,
        30000000,
    ),
    (
        "1.06.04.2.02",
        (
            "Rehabilitasi Sosial Penyandang Masalah Kesejahteraan Sosial (PMKS) "
            "Lainnya Bukan Korban HIV/AIDS dan NAPZA di Luar Panti Sosial"
        ),
    ),
    ("1.06.04.2.02.0009", "Pemberian Layanan Data dan Pengaduan"),
    (
        "5.1.02.02.01.0063",
        "Belanja Kawat/Faksimili/Internet/TV Berlangganan",
        "Internet layanan pengaduan",
        12,
        "bulan",
        500000,
        6000000,
    ),
    ("1.06.04.2.02.0010", "Pemberian Layanan Kedaruratan"),
    (
        "5.1.02.01.01.0004",
        "Belanja Bahan-Bahan Bakar dan Pelumas",
        "BBM kendaraan TRC",
        1000,
        "liter",
        10000,
        10000000,
    ),
    (
        "5.1.02.03.02.0035",
        (
            "Belanja Pemeliharaan Alat Angkutan-Alat Angkutan Darat Bermotor-"
            "Kendaraan Bermotor Penumpang"
        ),
        "Servis kendaraan TRC",
        4,
        "kali",
        1250000,
        5000000,
    ),
]


def build_sipd_xlsx(rows, title="DPA SKPD Dinas Sosial"):
    """The bytes of an XLSX with a title, the header and the rows."""
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("DPA")
    sheet.append([title])
    sheet.append([])
    sheet.append(list(HEADER))
    for row in rows:
        sheet.append(list(row))
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


if __name__ == "__main__":
    from pathlib import Path

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    target = Path(__file__).resolve().parent.parent / "data" / "sipd_sample.xlsx"
    target.write_bytes(build_sipd_xlsx(SAMPLE_ROWS, "DPA SKPD Dinas Sosial 2026"))
    _logger.info("written %s", target)
