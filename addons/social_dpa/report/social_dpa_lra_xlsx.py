# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import calendar
import datetime

from odoo import fields, models

from odoo.addons.social_client.report.xlsx_table import TableColumn

LEVELS = ("program", "activity", "sub_activity")


class SocialDpaLraXlsx(models.AbstractModel):
    """Laporan Realisasi Anggaran of a DPA for one month, in the layout the
    finance staff use: code, name, ceiling, realised this month, up to last
    month, up to this month, remaining, share absorbed; one row per
    programme, kegiatan, sub-kegiatan (subtotals) and line (rekening), on the
    suite's XLSX table base (its Level column filters the subtotals out)."""

    _name = "report.social_dpa.lra_xlsx"
    _description = "DPA Realisation Report (LRA) XLSX"
    _inherit = "report.social_client.xlsx_table"

    def _lra_month(self, dpa, data):
        month = (data or {}).get("month")
        if month:
            return int(month)
        today = fields.Date.context_today(self)
        return today.month if today.year == dpa.fiscal_year else 12

    def _lra_rows(self, dpa, month):
        """The rows of the report: dicts with level, code, name and the six
        figures, in the order of the hierarchy. Two grouped reads for the
        whole DPA (up to last month, this month)."""
        year = dpa.fiscal_year
        start = datetime.date(year, month, 1)
        end = datetime.date(year, month, calendar.monthrange(year, month)[1])
        before = dpa._realization_rollup(date_to=start - datetime.timedelta(days=1))
        current = dpa._realization_rollup(date_from=start, date_to=end)

        def realized(rollup, key):
            if key == "total":
                return rollup["total"]["realized"]
            if key[0] == "line":
                return rollup["lines"].get(key[1], {}).get("realized", 0.0)
            return rollup["levels"].get(key, {}).get("realized", 0.0)

        def figures(key, ceiling):
            prev = realized(before, key)
            now = realized(current, key)
            total = prev + now
            return {
                "ceiling": ceiling,
                "month": now,
                "before": prev,
                "total": total,
                "remaining": ceiling - total,
                "absorption": ceiling and total / ceiling,
            }

        rows = []
        seen = set()
        lines = dpa.line_ids.sorted(lambda r: (r.sub_activity_code, r.account_code))
        ceilings = {}
        for line in lines:
            for level in LEVELS:
                key = (level, line[level + "_id"].id)
                ceilings[key] = ceilings.get(key, 0.0) + line.amount
        for line in lines:
            for level in LEVELS:
                node = line[level + "_id"]
                key = (level, node.id)
                if key not in seen:
                    seen.add(key)
                    rows.append(
                        {"level": level, "code": node.code, "name": node.name}
                        | figures(key, ceilings[key])
                    )
            rows.append(
                {
                    "level": "line",
                    "code": line.account_code,
                    "name": line.name,
                }
                | figures(("line", line.id), line.amount)
            )
        rows.append(
            {"level": "total", "code": "", "name": self.env._("Total")}
            | figures("total", sum(lines.mapped("amount")))
        )
        return rows

    def _table_columns(self, data):
        env = self.env
        levels = {
            "program": env._("Programme"),
            "activity": env._("Kegiatan"),
            "sub_activity": env._("Sub-kegiatan"),
            "line": env._("Account (Rekening)"),
            "total": env._("Total"),
        }

        def money(key, label):
            return TableColumn(
                key, label, type="monetary", width=18, value=lambda r: r[key]
            )

        return [
            TableColumn("code", env._("Code"), width=22, value=lambda r: r["code"]),
            TableColumn(
                "name", env._("Description"), width=48, value=lambda r: r["name"]
            ),
            TableColumn(
                "level", env._("Level"), width=14, value=lambda r: levels[r["level"]]
            ),
            money("ceiling", env._("Ceiling (Pagu)")),
            money("month", env._("Realised This Month")),
            money("before", env._("Realised up to Last Month")),
            money("total", env._("Realised up to This Month")),
            money("remaining", env._("Remaining")),
            TableColumn(
                "absorption",
                "%",
                type="float",
                width=9,
                num_format="0.00%",
                value=lambda r: r["absorption"],
            ),
        ]

    def generate_xlsx_report(self, workbook, data, objs):
        data = data or {}
        columns = self._table_columns(data)
        for dpa in objs:
            month = self._lra_month(dpa, data)
            self._table_write_sheet(
                workbook,
                f"LRA {dpa.fiscal_year} v{dpa.version} {month:02d}"[:31],
                columns,
                [self._lra_rows(dpa, month)],
            )
