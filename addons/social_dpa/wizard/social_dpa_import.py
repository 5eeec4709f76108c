# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io
from dataclasses import dataclass, field

import openpyxl

from odoo import fields, models
from odoo.exceptions import UserError

from ..tools.codes import code_level

# segments of each level's code: a code with one of these counts that does
# not match its pattern is a bad code, any other count an unknown level
SEGMENTS = (3, 5, 6)
PARENT_SEGMENTS = {"activity": 3, "sub_activity": 5}
COLUMNS = ("code", "name", "component", "volume", "uom", "unit_price", "amount")


@dataclass
class ParsedFile:
    """What the parser read from a SIPD file."""

    nodes: dict = field(default_factory=dict)  # code -> (level, name)
    accounts: dict = field(default_factory=dict)  # code -> name
    lines: list = field(default_factory=list)  # dicts, one per accepted row
    errors: list = field(default_factory=list)  # (row number, reason)


class SocialDpaImport(models.TransientModel):
    """Import of the lines of a draft DPA from an XLSX shaped like the export
    of the regional finance system (SIPD): code, name, component,
    coefficient/volume, unit, unit price, amount; programme, kegiatan and
    sub-kegiatan rows head the account rows that follow them."""

    _name = "social.dpa.import"
    _description = "Import DPA Lines from SIPD"

    dpa_id = fields.Many2one("social.dpa", string="DPA", required=True)
    file = fields.Binary(string="SIPD File (XLSX)", required=True)
    filename = fields.Char()
    import_valid_rows = fields.Boolean(
        string="Import the Valid Rows",
        help="Import the rows that passed the checks even when others are "
        "rejected. Without it, nothing is imported when any row is rejected.",
    )
    state = fields.Selection(
        [("upload", "Upload"), ("done", "Done")], default="upload", required=True
    )
    imported_count = fields.Integer(readonly=True)
    rejected_count = fields.Integer(readonly=True)
    result = fields.Text(readonly=True)

    # ---------------------------------------------------------------- parsing

    def _read_rows(self):
        """(row number, {column: value}) of the data rows: those under the
        header row (the row whose first cell is "Kode")."""
        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True
            )
        except Exception as error:
            raise UserError(
                self.env._(
                    "The file is not a readable XLSX file (%(error)s).", error=error
                )
            ) from error
        sheet = workbook.worksheets[0]
        started = False
        for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
            first = str(values[0] or "").strip() if values else ""
            if not started:
                started = first.lower() in ("kode", "kode rekening", "code")
                continue
            if not any(v not in (None, "") for v in values):
                continue
            row = dict(zip(COLUMNS, list(values) + [None] * len(COLUMNS), strict=False))
            yield number, row
        workbook.close()
        if not started:
            raise UserError(
                self.env._(
                    "No header row found: the first column of the header must read "
                    '"Kode".'
                )
            )

    @staticmethod
    def _to_number(value):
        """A number of the file: a cell number, or text such as 1.500.000,50."""
        if value in (None, ""):
            return None
        if isinstance(value, int | float):
            return float(value)
        text = str(value).strip().replace(" ", "")
        if "," in text:
            text = text.replace(".", "").replace(",", ".")
        elif text.count(".") > 1 or ("." in text and len(text.rsplit(".", 1)[1]) == 3):
            text = text.replace(".", "")
        try:
            return float(text)
        except ValueError:
            return False

    def _parse(self):
        """Check every row; return a :class:`ParsedFile`."""
        self.ensure_one()
        env = self.env
        parsed = ParsedFile()
        known_nodes = {
            n.code: n.level
            for n in env["social.dpa.nomenclature"]
            .with_context(active_test=False)
            .search([])
        }
        existing_pairs = {
            (line.sub_activity_code, line.account_code) for line in self.dpa_id.line_ids
        }
        currency = self.dpa_id.currency_id
        current_sub = None
        seen_pairs = {}
        for number, row in self._read_rows():
            code = str(row["code"] or "").strip()
            name = str(row["name"] or "").strip()
            level = code_level(code)
            if not level:
                count = len(code.split(".")) if code else 0
                if count in SEGMENTS:
                    level_names = {
                        3: env._("programme"),
                        5: env._("kegiatan"),
                        6: env._("sub-kegiatan or account"),
                    }
                    reason = env._(
                        "bad code %(code)s: it does not have the shape of a %(level)s "
                        "code",
                        code=code,
                        level=level_names[count],
                    )
                else:
                    reason = env._(
                        "unknown level: %(code)s is not the code of a programme, "
                        "kegiatan, sub-kegiatan or account",
                        code=code or env._("(empty)"),
                    )
                parsed.errors.append((number, reason))
                if count in SEGMENTS and not code.startswith("5"):
                    current_sub = None  # the lines under it are not placed
                continue
            if level != "account":
                parent_count = PARENT_SEGMENTS.get(level)
                parent = (
                    ".".join(code.split(".")[:parent_count]) if parent_count else None
                )
                if parent and parent not in known_nodes and parent not in parsed.nodes:
                    parsed.errors.append(
                        (
                            number,
                            env._(
                                "bad code %(code)s: its parent %(parent)s is "
                                "neither in the nomenclature nor in the file",
                                code=code,
                                parent=parent,
                            ),
                        )
                    )
                    current_sub = None
                    continue
                if known_nodes.get(code, level) != level:
                    parsed.errors.append(
                        (
                            number,
                            env._(
                                "bad code %(code)s: the nomenclature has it at "
                                "another level",
                                code=code,
                            ),
                        )
                    )
                    current_sub = None
                    continue
                if code not in known_nodes:
                    parsed.nodes.setdefault(code, (level, name or code))
                current_sub = code if level == "sub_activity" else None
                continue
            # an account row: a line of the current sub-kegiatan
            if not current_sub:
                parsed.errors.append(
                    (
                        number,
                        env._(
                            "the account %(code)s is not under a valid "
                            "sub-kegiatan row",
                            code=code,
                        ),
                    )
                )
                continue
            volume = self._to_number(row["volume"])
            price = self._to_number(row["unit_price"])
            amount = self._to_number(row["amount"])
            if amount is None or amount is False or False in (volume, price):
                parsed.errors.append(
                    (
                        number,
                        env._(
                            "the amount, volume or unit price of %(code)s is "
                            "not a number",
                            code=code,
                        ),
                    )
                )
                continue
            if currency.compare_amounts(amount, 0) < 0:
                parsed.errors.append(
                    (number, env._("the amount of %(code)s is negative", code=code))
                )
                continue
            if (
                volume is not None
                and price is not None
                and currency.compare_amounts(amount, volume * price)
            ):
                parsed.errors.append(
                    (
                        number,
                        env._(
                            "the amount %(amount)s of %(code)s does not equal "
                            "volume x unit price (%(volume)s x %(price)s)",
                            amount=amount,
                            code=code,
                            volume=volume,
                            price=price,
                        ),
                    )
                )
                continue
            pair = (current_sub, code)
            if pair in existing_pairs or pair in seen_pairs:
                where = (
                    env._("row %(row)s", row=seen_pairs[pair])
                    if pair in seen_pairs
                    else env._("the DPA")
                )
                parsed.errors.append(
                    (
                        number,
                        env._(
                            "duplicate: the sub-kegiatan %(sub)s and the account "
                            "%(code)s are already in %(where)s",
                            sub=current_sub,
                            code=code,
                            where=where,
                        ),
                    )
                )
                continue
            seen_pairs[pair] = number
            parsed.accounts.setdefault(code, name or code)
            parsed.lines.append(
                {
                    "sub_activity": current_sub,
                    "account": code,
                    "name": name or False,
                    "component": str(row["component"] or "").strip() or False,
                    "volume": volume or 0.0,
                    "uom": str(row["uom"] or "").strip() or False,
                    "unit_price": price or 0.0,
                    "amount": amount,
                }
            )
        return parsed

    # ----------------------------------------------------------------- import

    def _create_records(self, parsed):
        """Create the missing nomenclature and accounts, then the lines, each
        in one batch."""
        Node = self.env["social.dpa.nomenclature"]
        for level in ("program", "activity", "sub_activity"):
            codes = [c for c, (lvl, _n) in parsed.nodes.items() if lvl == level]
            if not codes:
                continue
            parents = {
                n.code: n.id
                for n in Node.with_context(active_test=False).search(
                    [
                        (
                            "level",
                            "=",
                            {"activity": "program", "sub_activity": "activity"}.get(
                                level, level
                            ),
                        )
                    ]
                )
            }
            Node.create(
                [
                    {
                        "code": code,
                        "name": parsed.nodes[code][1],
                        "level": level,
                        "parent_id": parents.get(
                            ".".join(code.split(".")[: PARENT_SEGMENTS[level]])
                        )
                        if level in PARENT_SEGMENTS
                        else False,
                    }
                    for code in codes
                ]
            )
        Account = self.env["social.dpa.account"].with_context(active_test=False)
        accounts = {
            a.code: a.id
            for a in Account.search([("code", "in", list(parsed.accounts))])
        }
        missing = [c for c in parsed.accounts if c not in accounts]
        for account in Account.create(
            [{"code": c, "name": parsed.accounts[c]} for c in missing]
        ):
            accounts[account.code] = account.id
        subs = {
            n.code: n.id
            for n in Node.with_context(active_test=False).search(
                [
                    ("level", "=", "sub_activity"),
                    ("code", "in", list({v["sub_activity"] for v in parsed.lines})),
                ]
            )
        }
        return self.env["social.dpa.line"].create(
            [
                {
                    "dpa_id": self.dpa_id.id,
                    "sub_activity_id": subs[vals["sub_activity"]],
                    "rekening_id": accounts[vals["account"]],
                    "name": vals["name"],
                    "component": vals["component"],
                    "volume": vals["volume"],
                    "uom": vals["uom"],
                    "unit_price": vals["unit_price"],
                    "amount": vals["amount"],
                }
                for vals in parsed.lines
            ]
        )

    def action_import(self):
        self.ensure_one()
        if not self.dpa_id.can_edit:
            raise UserError(self.env["social.dpa.line"]._locked_message())
        parsed = self._parse()
        report = [
            self.env._("Row %(row)s: %(reason)s", row=row, reason=reason)
            for row, reason in parsed.errors
        ]
        lines = self.env["social.dpa.line"]
        if parsed.lines and (not parsed.errors or self.import_valid_rows):
            lines = self._create_records(parsed)
        if parsed.errors and not lines:
            report.insert(
                0,
                self.env._(
                    "Nothing was imported: %(count)s row(s) rejected. Correct the "
                    "file, or choose to import the valid rows.",
                    count=len(parsed.errors),
                ),
            )
        else:
            report.insert(
                0,
                self.env._(
                    "%(imported)s line(s) imported, %(rejected)s row(s) rejected.",
                    imported=len(lines),
                    rejected=len(parsed.errors),
                ),
            )
            self.dpa_id.message_post(body=report[0])
        self.write(
            {
                "state": "done",
                "imported_count": len(lines),
                "rejected_count": len(parsed.errors),
                "result": "\n".join(report),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }
