# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ..tools.codes import CODE_EXAMPLES, CODE_PATTERNS

PARENT_LEVEL = {"program": False, "activity": "program", "sub_activity": "activity"}


class SocialDpaNomenclature(models.Model):
    """Programmes, kegiatan and sub-kegiatan of the regional budget
    nomenclature (Permendagri 90/2019), kept as editable data."""

    _name = "social.dpa.nomenclature"
    _description = "Budget Nomenclature (Programme, Kegiatan, Sub-kegiatan)"
    _parent_store = True
    _order = "code"
    _rec_names_search = ["code", "name"]

    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=False)
    level = fields.Selection(
        [
            ("program", "Programme"),
            ("activity", "Kegiatan"),
            ("sub_activity", "Sub-kegiatan"),
        ],
        required=True,
        index=True,
    )
    parent_id = fields.Many2one(
        "social.dpa.nomenclature",
        string="Parent",
        index=True,
        ondelete="restrict",
        help="The programme of a kegiatan, the kegiatan of a sub-kegiatan.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many("social.dpa.nomenclature", "parent_id")
    active = fields.Boolean(default=True)

    _code_unique = models.Constraint(
        "UNIQUE(code)", "A budget code appears only once in the nomenclature."
    )

    @api.depends("code", "name")
    def _compute_display_name(self):
        for rec in self:
            rec.display_name = f"{rec.code} {rec.name}"

    @api.constrains("code", "level", "parent_id")
    def _check_code(self):
        for rec in self:
            if not CODE_PATTERNS[rec.level].match(rec.code or ""):
                raise ValidationError(
                    self.env._(
                        "The code %(code)s does not have the shape of a %(level)s "
                        "code (e.g. %(example)s).",
                        code=rec.code,
                        level=rec._level_label(),
                        example=CODE_EXAMPLES[rec.level],
                    )
                )
            parent_level = PARENT_LEVEL[rec.level]
            if bool(rec.parent_id) != bool(parent_level) or (
                rec.parent_id and rec.parent_id.level != parent_level
            ):
                raise ValidationError(
                    self.env._(
                        "A programme has no parent; a kegiatan belongs to a "
                        "programme and a sub-kegiatan to a kegiatan (%(code)s).",
                        code=rec.code,
                    )
                )
            if rec.parent_id and not rec.code.startswith(rec.parent_id.code + "."):
                raise ValidationError(
                    self.env._(
                        "The code %(code)s does not start with the code of its "
                        "parent %(parent)s.",
                        code=rec.code,
                        parent=rec.parent_id.code,
                    )
                )

    def _level_label(self):
        self.ensure_one()
        return dict(self._fields["level"]._description_selection(self.env))[self.level]
