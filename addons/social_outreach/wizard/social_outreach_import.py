# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import base64
import io

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.social_client.tools import nik as nik_tools

# header words (lower case) of the regency's list, Indonesian or English
COLUMNS = {
    "nik": ("nik",),
    "name": ("nama", "name", "nama lengkap"),
    "kk_number": ("no kk", "nomor kk", "kk", "kk number"),
    "category": ("kategori", "category"),
}
CATEGORY_WORDS = {
    "disabilitas": "disability",
    "penyandang disabilitas": "disability",
    "disability": "disability",
    "keluarga": "family",
    "keluarga penyandang disabilitas": "family",
    "family": "family",
    "ppks lainnya": "other",
    "lainnya": "other",
    "other": "other",
}
MAX_ROWS = 5000


class SocialOutreachImport(models.TransientModel):
    """Invite the participants of the regency's XLSX list: NIK, name, KK
    number and category per row. A row is taken or rejected on its own, and
    the rejected rows are listed with their reason."""

    _name = "social.outreach.import"
    _description = "Import Outreach Participants"

    event_id = fields.Many2one("social.outreach.event", required=True)
    file = fields.Binary(string="XLSX List", required=True)
    file_name = fields.Char()
    imported_count = fields.Integer(readonly=True)
    rejected_count = fields.Integer(readonly=True)
    result = fields.Html(readonly=True, sanitize=True)
    state = fields.Selection(
        [("draft", "To Import"), ("done", "Imported")], default="draft"
    )

    def _read_rows(self):
        import openpyxl

        try:
            workbook = openpyxl.load_workbook(
                io.BytesIO(base64.b64decode(self.file)), read_only=True, data_only=True
            )
        except Exception as exc:
            raise UserError(self.env._("The file is not an XLSX workbook.")) from exc
        sheet = workbook.worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(c or "").strip().lower() for c in next(rows, ())]
        index = {}
        for key, words in COLUMNS.items():
            for position, title in enumerate(header):
                if title in words:
                    index[key] = position
                    break
        if "nik" not in index or "name" not in index:
            raise UserError(
                self.env._(
                    "The first row of the list must name the columns, at least "
                    "NIK and Nama."
                )
            )
        result = []
        for number, row in enumerate(rows, start=2):
            if number > MAX_ROWS + 1:
                raise UserError(
                    self.env._(
                        "The list has more than %(max)s rows: split it.", max=MAX_ROWS
                    )
                )
            values = {
                key: row[pos] if pos < len(row) else None for key, pos in index.items()
            }
            if all(v in (None, "") for v in values.values()):
                continue
            result.append((number, values))
        return result

    def action_import(self):
        self.ensure_one()
        event = self.event_id
        if not event.can_register:
            raise UserError(
                self.env._(
                    "%(event)s is closed or cancelled: participants can no longer "
                    "be registered.",
                    event=event.display_name,
                )
            )
        rows = self._read_rows()
        today = fields.Date.context_today(self)
        Client = self.env["social.client"]
        Participant = self.env["social.outreach.participant"]
        parsed = {}
        for number, values in rows:
            nik = "".join(str(values.get("nik") or "").split())
            parsed[number] = nik_tools.parse_nik(nik, today) if nik else None
        niks = [p.number for p in parsed.values() if p and p.valid]
        clients = {c.nik: c for c in Client.search([("nik", "in", niks)])}
        # sudo: only whether a NIK is another office's, nothing of the person
        elsewhere = set(
            Client.sudo().search([("nik", "in", niks)]).mapped("nik")
        ) - set(clients)
        already = set(
            Participant.search(
                [
                    ("event_id", "=", event.id),
                    ("client_id", "in", [c.id for c in clients.values()]),
                ]
            ).client_id.mapped("nik")
        )
        rejected, seen, imported = [], set(), 0
        for number, values in rows:
            result = parsed[number]
            name = str(values.get("name") or "").strip()
            category_word = str(values.get("category") or "").strip().lower()
            category = CATEGORY_WORDS.get(
                category_word, "disability" if not category_word else None
            )
            reason = None
            if result is None:
                reason = self.env._("no NIK")
            elif not result.valid:
                reason = result.message(self.env)
            elif result.number in seen:
                reason = self.env._("the same NIK is on an earlier row")
            elif result.number in elsewhere:
                reason = self.env._("the NIK is registered by another office")
            elif result.number in already:
                reason = self.env._("already a participant of this day")
            elif not name and result.number not in clients:
                reason = self.env._("no name")
            elif category is None:
                reason = self.env._(
                    "unknown category %(word)s", word=values.get("category")
                )
            if reason:
                rejected.append((number, values, reason))
                continue
            seen.add(result.number)
            try:
                with self.env.cr.savepoint():
                    client = clients.get(result.number)
                    if not client:
                        client_vals = {
                            "name": name,
                            "nik": result.number,
                            "company_id": event.company_id.id,
                        }
                        kk = "".join(str(values.get("kk_number") or "").split())
                        if kk:
                            client_vals["kk_number"] = kk
                        if event.village_id:
                            client_vals["village_id"] = event.village_id.id
                        client = Client.create(client_vals)
                    Participant.create(
                        {
                            "event_id": event.id,
                            "client_id": client.id,
                            "category": category,
                            "source": "imported",
                        }
                    )
            except (UserError, ValidationError) as exc:
                rejected.append((number, values, exc.args[0]))
                continue
            imported += 1
        self.write(
            {
                "state": "done",
                "imported_count": imported,
                "rejected_count": len(rejected),
                "result": self._result_html(rejected),
            }
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "target": "new",
        }

    def _result_html(self, rejected):
        if not rejected:
            return Markup("<p>%s</p>") % self.env._("Every row was imported.")
        head = Markup("<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>") % (
            self.env._("Row"),
            self.env._("NIK"),
            self.env._("Name"),
            self.env._("Reason"),
        )
        body = Markup("").join(
            Markup("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>")
            % (number, values.get("nik") or "", values.get("name") or "", reason)
            for number, values, reason in rejected
        )
        return Markup('<table class="table table-sm">%s%s</table>') % (head, body)
