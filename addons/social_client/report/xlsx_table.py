# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
"""One XLSX table base for every spreadsheet of the suite.

A report inherits ``report.social_client.xlsx_table`` and declares its columns
(:class:`TableColumn`); the base writes the header (bold, wrapped, frozen, with
an autofilter), column widths and typed cells (dates as Excel dates, numbers as
numbers, text as text, never as a formula), reading the records in chunks and
clearing the ORM cache between chunks, in xlsxwriter's ``constant_memory`` mode:
memory stays flat whatever the number of rows. See readme/USAGE.md.
"""

import datetime
import tempfile
from collections.abc import Callable
from dataclasses import dataclass

import pytz
import xlsxwriter
from xlsxwriter.utility import xl_rowcol_to_cell

from odoo import models
from odoo.fields import Domain
from odoo.tools.misc import split_every

COLUMN_TYPES = (
    "text",
    "integer",
    "float",
    "monetary",
    "date",
    "datetime",
    "boolean",
)
FIELD_TYPES = {
    "integer": "integer",
    "float": "float",
    "monetary": "monetary",
    "date": "date",
    "datetime": "datetime",
    "boolean": "boolean",
}
NUMBER_TYPES = ("integer", "float", "monetary")


@dataclass(frozen=True)
class TableColumn:
    """One column of an XLSX table.

    :param key: technical name; without ``value`` and ``batch``, the field path
        read from each record (``"birth_date"``, ``"village_id.name"``)
    :param label: header; default: the string of the field at ``key``
    :param type: one of ``COLUMN_TYPES``; default: from the field (selection,
        char, many2one and x2many are text)
    :param width: column width in characters
    :param value: ``value(row)`` returns the cell value of one row
    :param batch: ``batch(rows)`` returns the values of a whole chunk, in the
        order of the rows (one query per chunk instead of one per row)
    :param digits: decimals shown for float columns
    :param num_format: an Excel number format that replaces the type's own
    :param total: numeric column summed in a total row under the table
    :param groups: comma-separated XML ids of groups; the column is left out
        for a user in none of them (as a field's ``groups``)
    """

    key: str
    label: str | None = None
    type: str | None = None
    width: int = 16
    value: Callable | None = None
    batch: Callable | None = None
    digits: int = 2
    num_format: str | None = None
    total: bool = False
    groups: str | None = None

    def __post_init__(self):
        if self.type is not None and self.type not in COLUMN_TYPES:
            raise ValueError(f"column {self.key}: unknown type {self.type!r}")
        if self.value and self.batch:
            raise ValueError(f"column {self.key}: give value or batch, not both")


class _BoundColumn:
    """A column resolved against a model: label, type, format and getter."""

    __slots__ = ("batch", "column", "getter", "label", "style", "type")

    def __init__(self, column, label, type_, style, getter):
        self.column = column
        self.label = label
        self.type = type_
        self.style = style
        self.getter = getter
        self.batch = column.batch


class XlsxTable(models.AbstractModel):
    """Abstract XLSX table: subclasses define ``_table_columns``."""

    _name = "report.social_client.xlsx_table"
    _description = "XLSX Table Report"
    _inherit = "report.report_xlsx.abstract"

    # records read, written and dropped from the cache per chunk
    _table_chunk_size = 1000
    # order of the rows (an ORM order); empty keeps the order of the records
    _table_order = ""

    # ------------------------------------------------------------------
    # Hooks for the reports
    # ------------------------------------------------------------------

    def _table_columns(self, data):
        """The columns of the table: a list of :class:`TableColumn`."""
        raise NotImplementedError()

    def _table_sheet_name(self, data):
        return self._description

    def _table_model(self, data, objs):
        """Model whose fields the field-path columns read."""
        return objs._name

    def _table_records(self, data, objs):
        """Records of the rows, in the order of ``_table_order`` if set."""
        if self._table_order and objs:
            ordered = objs.with_context(active_test=False).search(
                [("id", "in", objs.ids)], order=self._table_order
            )
            return objs.browse(ordered.ids)
        return objs

    def _table_batches(self, data, objs):
        """Chunks of rows. Default: the records in chunks of
        ``_table_chunk_size``, each with its own prefetch set and its stored
        fields read in one query; the base clears the cache after each chunk.
        With ``data["domain"]``, the records of that domain on
        ``_table_model``, read chunk by chunk (no list of all ids is kept).
        A report whose rows are not records (e.g. grouped figures) returns
        lists of its own rows."""
        if data.get("domain") is not None:
            model = self._table_model(data, objs)
            fnames = self._table_prefetch_fields(data, self.env[model])
            yield from self._table_search_batches(model, data["domain"], fnames)
            return
        records = self._table_records(data, objs)
        fnames = self._table_prefetch_fields(data, records)
        for ids in split_every(self._table_chunk_size, records.ids):
            chunk = records.browse(ids)
            if fnames:
                chunk.fetch(fnames)
            yield chunk

    def _table_search_batches(self, model, domain, fnames=()):
        """The records of ``domain`` in chunks, read with keyset pagination on
        the id (the rows come in id order, or in ``_table_order``, read as
        one list of ids, when it is set)."""
        Model = self.env[model]
        if self._table_order and self._table_order != "id":
            records = Model.search(domain, order=self._table_order)
            for ids in split_every(self._table_chunk_size, records.ids):
                chunk = Model.browse(ids)
                if fnames:
                    chunk.fetch(fnames)
                yield chunk
            return
        last_id = 0
        while True:
            chunk = Model.search_fetch(
                Domain.AND([domain, [("id", ">", last_id)]]),
                fnames,
                order="id",
                limit=self._table_chunk_size,
            )
            if not chunk:
                return
            last_id = chunk.ids[-1]
            yield chunk

    def _table_prefetch_fields(self, data, records):
        """Stored fields of the record read in one query per chunk."""
        fnames = []
        user = self.env.user
        for column in self._table_columns(data):
            if column.value or column.batch:
                continue
            if column.groups and not user.has_groups(column.groups):
                continue
            field = records._fields.get(column.key.split(".", 1)[0])
            if field and field.store and field.name not in fnames:
                fnames.append(field.name)
        return fnames

    # ------------------------------------------------------------------
    # report_xlsx entry points
    # ------------------------------------------------------------------

    def get_workbook_options(self):
        # rows go to a temporary file as they are written: flat memory
        return {"constant_memory": True, "strings_to_formulas": False}

    def generate_xlsx_report(self, workbook, data, objs):
        self._table_render(workbook, data or {}, objs)

    def _table_render(self, workbook, data, objs):
        """Write the table of ``objs`` (or of ``data["domain"]``) in
        ``workbook``; return the number of data rows."""
        return self._table_write_sheet(
            workbook,
            self._table_sheet_name(data),
            self._table_columns(data),
            self._table_batches(data, objs),
            model=self._table_model(data, objs),
        )

    def _table_file(self, objs, data=None):
        """Render the workbook into a temporary file, without going through
        ``ir.actions.report`` (for wizards that record what they export and
        stream it): return the open file, at its start, and the number of
        rows. The file never sits in memory as a whole."""
        output = tempfile.TemporaryFile()  # noqa: SIM115 - the caller closes it
        try:
            workbook = xlsxwriter.Workbook(output, self.get_workbook_options())
            rows = self._table_render(workbook, data or {}, objs)
            workbook.close()
        except BaseException:
            output.close()
            raise
        output.seek(0)
        return output, rows

    def _table_content(self, objs, data=None):
        """The bytes of the workbook of ``objs`` (see ``_table_file``)."""
        output, _rows = self._table_file(objs, data)
        with output:
            return output.read()

    # ------------------------------------------------------------------
    # Writing
    # ------------------------------------------------------------------

    def _table_formats(self, workbook):
        """Cell formats per column type, created once per workbook."""
        cache = getattr(workbook, "_social_table_formats", None)
        if cache is None:
            currency = self.env.company.currency_id
            cache = {
                "header": workbook.add_format(
                    {
                        "bold": True,
                        "text_wrap": True,
                        "valign": "top",
                        "bg_color": "#D9E1F2",
                        "border": 1,
                    }
                ),
                "total": workbook.add_format({"bold": True, "top": 1}),
                "date": workbook.add_format({"num_format": "dd/mm/yyyy"}),
                "datetime": workbook.add_format({"num_format": "dd/mm/yyyy hh:mm"}),
                "integer": workbook.add_format({"num_format": "0"}),
                "monetary": workbook.add_format(
                    {"num_format": self._report_xlsx_currency_format(currency)}
                ),
                "text": None,
                "boolean": None,
            }
            workbook._social_table_formats = cache
        return cache

    def _table_number_format(self, workbook, num_format):
        formats = self._table_formats(workbook)
        key = ("num_format", num_format)
        if key not in formats:
            formats[key] = workbook.add_format({"num_format": num_format})
        return formats[key]

    def _table_bind(self, workbook, columns, model):
        """Resolve each column the user may see against ``model``."""
        user = self.env.user
        formats = self._table_formats(workbook)
        bound = []
        for column in columns:
            if column.groups and not user.has_groups(column.groups):
                continue
            field = None
            getter = column.value
            if not column.value and not column.batch:
                if not model:
                    raise ValueError(f"column {column.key}: no value and no model")
                field, getter = self._table_field_getter(model, column.key)
            type_ = column.type
            if not type_:
                type_ = FIELD_TYPES.get(field.type, "text") if field else "text"
            label = column.label or (
                field._description_string(self.env) if field else column.key
            )
            if column.num_format:
                style = self._table_number_format(workbook, column.num_format)
            elif type_ == "float":
                decimals = "." + "0" * column.digits if column.digits else ""
                style = self._table_number_format(workbook, "#,##0" + decimals)
            else:
                style = formats[type_]
            bound.append(_BoundColumn(column, label, type_, style, getter))
        return bound

    def _table_field_getter(self, model, path):
        """(last field, getter) reading the field path from a record: text
        for selections and relations, typed values otherwise."""
        env = self.env
        names = path.split(".")
        Model = env[model]
        chain = []
        for name in names:
            field = Model._fields[name]
            chain.append(field)
            if field.relational:
                Model = env[field.comodel_name]
        multi = any(f.type in ("one2many", "many2many") for f in chain[:-1])
        last = chain[-1]
        labels = (
            dict(last._description_selection(env)) if last.type == "selection" else None
        )

        def convert(value):
            if labels is not None:
                return labels.get(value, value or "")
            if last.type == "many2one":
                return value.display_name
            if last.relational:
                return ", ".join(value.mapped("display_name"))
            return value

        if multi:
            # through an x2many: the values of all the related records
            def getter(record):
                value = record.mapped(path)
                if last.relational:
                    return convert(value)
                return ", ".join(str(convert(v)) for v in value if v)

        else:

            def getter(record):
                value = record
                for name in names:
                    value = value[name]
                return convert(value)

        return last, getter

    def _table_write_sheet(self, workbook, sheet_name, columns, batches, model=None):
        """Write one table on a new sheet; return the number of data rows.

        ``batches`` yields chunks of rows (records or the report's own
        objects); the ORM cache is cleared after each chunk."""
        formats = self._table_formats(workbook)
        bound = self._table_bind(workbook, columns, model)
        sheet = workbook.add_worksheet(sheet_name)
        for col, column in enumerate(bound):
            sheet.set_column(col, col, column.column.width)
            sheet.write_string(0, col, column.label, formats["header"])
        sheet.freeze_panes(1, 0)
        writers = [self._table_cell_writer(sheet, column) for column in bound]
        totals = [0 if column.column.total else None for column in bound]
        row = 0
        for batch in batches:
            columns_values = [
                column.batch(batch) if column.batch else None for column in bound
            ]
            for index, record in enumerate(batch):
                row += 1
                for col, column in enumerate(bound):
                    values = columns_values[col]
                    value = (
                        values[index] if values is not None else column.getter(record)
                    )
                    if value is None or value is False and column.type != "boolean":
                        continue
                    if value == "" and column.type == "text":
                        continue
                    writers[col](row, col, value)
                    if totals[col] is not None:
                        totals[col] += value
            # the next chunk starts with an empty cache: memory stays flat
            self.env.invalidate_all()
        sheet.autofilter(0, 0, max(row, 1), max(len(bound) - 1, 0))
        if any(total is not None for total in totals):
            self._table_write_totals(sheet, workbook, bound, totals, row)
        return row

    def _table_write_totals(self, sheet, workbook, bound, totals, last_row):
        formats = self._table_formats(workbook)
        total_row = last_row + 1
        sheet.write_string(total_row, 0, self.env._("Total"), formats["total"])
        for col, total in enumerate(totals):
            if total is None:
                continue
            # SUBTOTAL(109, ...) sums the rows left visible by the autofilter
            start = xl_rowcol_to_cell(1, col)
            end = xl_rowcol_to_cell(max(last_row, 1), col)
            sheet.write_formula(
                total_row,
                col,
                f"=SUBTOTAL(109,{start}:{end})",
                bound[col].style or formats["total"],
                total,
            )

    def _table_cell_writer(self, sheet, column):
        """A function writing one value of ``column`` in its type."""
        style = column.style
        type_ = column.type
        if type_ in NUMBER_TYPES:

            def write(row, col, value):
                sheet.write_number(row, col, value, style)

        elif type_ == "date":

            def write(row, col, value):
                sheet.write_datetime(row, col, value, style)

        elif type_ == "datetime":
            tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

            def write(row, col, value):
                if isinstance(value, datetime.datetime) and not value.tzinfo:
                    # stored in UTC: the sheet shows the user's local time
                    value = pytz.utc.localize(value).astimezone(tz).replace(tzinfo=None)
                sheet.write_datetime(row, col, value, style)

        elif type_ == "boolean":

            def write(row, col, value):
                sheet.write_boolean(row, col, bool(value), style)

        else:

            def write(row, col, value):
                # always a string: a value starting with "=" is not a formula
                sheet.write_string(row, col, str(value), style)

        return write
