# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import calendar
import datetime

from odoo import fields, models

LEVELS = ("program", "activity", "sub_activity")


class SocialDpaLraXlsx(models.AbstractModel):
    """Laporan Realisasi Anggaran of a DPA for one month, in the layout the
    finance staff use: code, name, ceiling, realised this month, up to last
    month, up to this month, remaining, share absorbed; one row per
    programme, kegiatan, sub-kegiatan (subtotals) and line (rekening)."""

    _name = "report.social_dpa.lra_xlsx"
    _description = "DPA Realisation Report (LRA) XLSX"
    _inherit = "report.report_xlsx.abstract"

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

    def generate_xlsx_report(self, workbook, data, objs):
        bold = workbook.add_format({"bold": True})
        title = workbook.add_format({"bold": True, "font_size": 13})
        header = workbook.add_format(
            {
                "bold": True,
                "border": 1,
                "align": "center",
                "valign": "vcenter",
                "text_wrap": True,
                "bg_color": "#D9E1F2",
            }
        )
        money = {
            False: workbook.add_format({"num_format": "#,##0", "border": 1}),
            True: workbook.add_format(
                {"num_format": "#,##0", "border": 1, "bold": True}
            ),
        }
        percent = {
            False: workbook.add_format({"num_format": "0.00%", "border": 1}),
            True: workbook.add_format(
                {"num_format": "0.00%", "border": 1, "bold": True}
            ),
        }
        text = {
            False: workbook.add_format({"border": 1, "text_wrap": True}),
            True: workbook.add_format({"border": 1, "text_wrap": True, "bold": True}),
        }
        columns = [
            (self.env._("Code"), 22),
            (self.env._("Description"), 48),
            (self.env._("Ceiling (Pagu)"), 18),
            (self.env._("Realised This Month"), 18),
            (self.env._("Realised up to Last Month"), 18),
            (self.env._("Realised up to This Month"), 18),
            (self.env._("Remaining"), 18),
            (self.env._("%"), 9),
        ]
        for dpa in objs:
            month = self._lra_month(dpa, data)
            sheet = workbook.add_worksheet(f"{dpa.fiscal_year}-v{dpa.version}"[:31])
            sheet.write(0, 0, self.env._("Budget Realisation Report"), title)
            sheet.write(1, 0, dpa.company_id.name, bold)
            sheet.write(
                2,
                0,
                self.env._(
                    "%(dpa)s, month %(month)s of %(year)s",
                    dpa=dpa.display_name,
                    month=month,
                    year=dpa.fiscal_year,
                ),
            )
            for col, (label, width) in enumerate(columns):
                sheet.set_column(col, col, width)
                sheet.write(4, col, label, header)
            sheet.freeze_panes(5, 2)
            for row_index, row in enumerate(self._lra_rows(dpa, month), start=5):
                strong = row["level"] != "line"
                sheet.write_string(row_index, 0, row["code"], text[strong])
                sheet.write_string(row_index, 1, row["name"] or "", text[strong])
                for col, key in enumerate(
                    ("ceiling", "month", "before", "total", "remaining"), start=2
                ):
                    sheet.write_number(row_index, col, row[key], money[strong])
                sheet.write_number(row_index, 7, row["absorption"], percent[strong])
