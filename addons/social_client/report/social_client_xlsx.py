# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class SocialClientXlsx(models.AbstractModel):
    """Client list as XLSX; every export is recorded in social.client.export."""

    _name = "report.social_client.social_client_xlsx"
    _description = "Client List XLSX"
    _inherit = "report.report_xlsx.abstract"

    def get_workbook_options(self):
        # rows are flushed to disk as they are written: flat memory for 50,000 clients
        return {"constant_memory": True}

    def _client_columns(self):
        """(header, width, getter) of each column; health data is never exported."""
        env = self.env
        gender = dict(
            env["social.client"]._fields["gender"]._description_selection(env)
        )
        dtks = dict(
            env["social.client"]._fields["dtks_status"]._description_selection(env)
        )
        bpjs = dict(
            env["social.client"]._fields["bpjs_status"]._description_selection(env)
        )
        yes, no = env._("Yes"), env._("No")
        return [
            (env._("Registration Number"), 18, lambda c: c.registration_number),
            (env._("Name"), 28, lambda c: c.name),
            (env._("NIK"), 18, lambda c: c.nik or ""),
            (env._("KK Number"), 18, lambda c: c.kk_number or ""),
            (env._("Without Identity"), 10, lambda c: yes if c.no_identity else no),
            (env._("Sex"), 10, lambda c: gender.get(c.gender, "")),
            (env._("Birth Place"), 16, lambda c: c.birth_place or ""),
            (env._("Birth Date"), 12, lambda c: c.birth_date or ""),
            (env._("Age"), 6, lambda c: c.age if c.birth_date else ""),
            (env._("Address"), 30, lambda c: c.street or ""),
            (env._("RT"), 5, lambda c: c.rt or ""),
            (env._("RW"), 5, lambda c: c.rw or ""),
            (env._("Village"), 20, lambda c: c.village_id.name or ""),
            (env._("District"), 20, lambda c: c.district_id.name or ""),
            (env._("Regency/City"), 24, lambda c: c.regency_id.name or ""),
            (env._("Province"), 20, lambda c: c.province_id.name or ""),
            (env._("Phone"), 16, lambda c: c.phone or ""),
            (
                env._("PPKS Types"),
                30,
                lambda c: ", ".join(c.ppks_type_ids.mapped("name")),
            ),
            (env._("ATENSI Cluster"), 22, lambda c: c.cluster_id.name or ""),
            (
                env._("Disability Types"),
                26,
                lambda c: ", ".join(c.disability_type_ids.mapped("name")),
            ),
            (env._("DTKS/DTSEN Status"), 18, lambda c: dtks.get(c.dtks_status, "")),
            (env._("BPJS Number"), 16, lambda c: c.bpjs_number or ""),
            (env._("BPJS Status"), 16, lambda c: bpjs.get(c.bpjs_status, "")),
            (
                env._("Documents Complete"),
                10,
                lambda c: yes if c.documents_complete else no,
            ),
            (env._("Social Worker"), 20, lambda c: c.social_worker_id.name or ""),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        clients = objs
        columns = self._client_columns()
        sheet = workbook.add_worksheet(self.env._("Clients"))
        bold = workbook.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
        date_format = workbook.add_format({"num_format": "dd/mm/yyyy"})
        for col, (header, width, _getter) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write_string(0, col, header, bold)
        sheet.freeze_panes(1, 0)
        for row, client in enumerate(clients, start=1):
            for col, (_header, _width, getter) in enumerate(columns):
                value = getter(client)
                if hasattr(value, "isoformat"):
                    sheet.write_datetime(row, col, value, date_format)
                elif isinstance(value, int | float) and not isinstance(value, bool):
                    sheet.write_number(row, col, value)
                else:
                    sheet.write_string(row, col, str(value))
        sheet.autofilter(0, 0, len(clients), len(columns) - 1)
        domain = (data or {}).get("domain") if isinstance(data, dict) else None
        # the export record is written by the system: users may not create or
        # alter it themselves, so the trail cannot be forged
        self.env["social.client.export"].sudo().create(
            {
                "user_id": self.env.user.id,
                "row_count": len(clients),
                "filter_description": str(domain)
                if domain
                else self.env._("%(count)s selected records", count=len(clients)),
                "company_id": self.env.company.id,
            }
        )
