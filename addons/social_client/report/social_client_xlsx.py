# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError

from .xlsx_table import TableColumn

HEALTH_GROUP = "social_client.group_social_health"


class SocialClientXlsx(models.AbstractModel):
    """Client list as XLSX, built by the export wizard, which records it.

    Specific personal data (UU 27/2022 art. 4): the health and psychological
    notes and the PPKS types, disability types and ATENSI cluster flagged as
    such are written only for the Health and Psychology Team.
    """

    _name = "report.social_client.social_client_xlsx"
    _description = "Client List XLSX"
    _inherit = "report.social_client.xlsx_table"

    def create_xlsx_report(self, docids, data):
        # the report_xlsx route (/report/xlsx/...) would hand out a client
        # list without an export record: client lists leave only through the
        # export wizard (social.client.export.wizard), which records them
        raise UserError(
            self.env._(
                "Client lists are exported with Action > Export to XLSX in the "
                "client list, which records the export."
            )
        )

    def _specific_data_allowed(self):
        """Whether the exporter may receive specific personal data."""
        return self.env.user.has_group(HEALTH_GROUP)

    def _table_sheet_name(self, data):
        return self.env._("Clients")

    def _table_model(self, data, objs):
        return "social.client"

    def _classification_getter(self, fname, specific):
        """Names of the client's types (or cluster), without the ones flagged
        as specific personal data unless ``specific``."""

        def value(client):
            types = client[fname]
            if not specific:
                types = types.filtered(lambda t: not t.specific_personal_data)
            return ", ".join(types.mapped("name"))

        return value

    def _table_columns(self, data):
        env = self.env
        specific = self._specific_data_allowed()
        return [
            TableColumn("registration_number", env._("Registration Number"), width=18),
            TableColumn("name", env._("Name"), width=28),
            TableColumn("nik", env._("NIK"), width=18),
            TableColumn("kk_number", env._("KK Number"), width=18),
            TableColumn("no_identity", env._("Without Identity"), width=10),
            TableColumn("gender", env._("Sex"), width=10),
            TableColumn("birth_place", env._("Birth Place"), width=16),
            TableColumn("birth_date", env._("Birth Date"), width=12),
            TableColumn(
                "age",
                env._("Age"),
                type="integer",
                width=6,
                value=lambda c: c.age if c.birth_date else None,
            ),
            TableColumn("street", env._("Address"), width=30),
            TableColumn("rt", env._("RT"), width=5),
            TableColumn("rw", env._("RW"), width=5),
            TableColumn("village_id.name", env._("Village"), width=20),
            TableColumn("district_id.name", env._("District"), width=20),
            TableColumn("regency_id.name", env._("Regency/City"), width=24),
            TableColumn("province_id.name", env._("Province"), width=20),
            TableColumn("phone", env._("Phone"), width=16),
            TableColumn(
                "ppks_type_ids",
                env._("PPKS Types"),
                width=30,
                value=self._classification_getter("ppks_type_ids", specific),
            ),
            TableColumn(
                "cluster_id",
                env._("ATENSI Cluster"),
                width=22,
                value=self._classification_getter("cluster_id", specific),
            ),
            TableColumn(
                "disability_type_ids",
                env._("Disability Types"),
                width=26,
                value=self._classification_getter("disability_type_ids", specific),
            ),
            TableColumn("dtks_status", env._("DTKS/DTSEN Status"), width=18),
            TableColumn("bpjs_number", env._("BPJS Number"), width=16),
            TableColumn("bpjs_status", env._("BPJS Status"), width=16),
            TableColumn("documents_complete", env._("Documents Complete"), width=10),
            TableColumn("social_worker_id.name", env._("Social Worker"), width=20),
            TableColumn(
                "health_notes", env._("Health Notes"), width=40, groups=HEALTH_GROUP
            ),
            TableColumn(
                "psychological_notes",
                env._("Psychological Notes"),
                width=40,
                groups=HEALTH_GROUP,
            ),
        ]

    def _table_prefetch_fields(self, data, records):
        # the classification columns read these with a getter
        return super()._table_prefetch_fields(data, records) + [
            "ppks_type_ids",
            "cluster_id",
            "disability_type_ids",
        ]
