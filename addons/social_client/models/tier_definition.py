# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .social_tier_validation import social_workflow

# fields of a definition that the mail thread writes on its own
_MAIL_FIELDS_PREFIXES = ("message_", "activity_", "website_message")


class TierDefinition(models.Model):
    """The sign-off rules of the suite: edited by its administrator only,
    every change in the chatter, and never under a running sign-off.

    Most fields of a review are related to its definition (name, reviewer,
    group, order by sequence, comment, bypass, company): a change of the
    definition would change the reviews already requested. Before the change,
    the reviews of the definition are moved to an archived copy of it as it
    stood (``frozen_from_id``), so that they keep the order, the reviewer and
    the sequence they started with.
    """

    _name = "tier.definition"
    _inherit = ["tier.definition", "mail.thread"]

    name = fields.Char(tracking=True)
    model_id = fields.Many2one(tracking=True)
    review_type = fields.Selection(tracking=True)
    reviewer_id = fields.Many2one(tracking=True)
    reviewer_group_id = fields.Many2one(tracking=True)
    reviewer_field_id = fields.Many2one(tracking=True)
    definition_domain = fields.Char(tracking=True)
    active = fields.Boolean(tracking=True)
    sequence = fields.Integer(tracking=True)
    company_id = fields.Many2one(tracking=True)
    approve_sequence = fields.Boolean(tracking=True)
    approve_sequence_bypass = fields.Boolean(tracking=True)
    exclude_requester = fields.Boolean(tracking=True)
    allow_write_for_reviewer = fields.Boolean(tracking=True)
    has_comment = fields.Boolean(tracking=True)
    frozen_from_id = fields.Many2one(
        "tier.definition",
        string="Frozen Copy of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="This archived copy keeps the definition as it stood when its "
        "reviews were requested, before the definition was changed.",
    )

    def _social_is_suite(self):
        return any(
            definition.model
            and definition.model in self.env
            and getattr(self.env[definition.model], "_social_tier_validation", False)
            for definition in self
        )

    def _social_check_manager(self, model_names=()):
        if self.env.su or self.env.user.has_group("social_client.group_social_manager"):
            return
        suite = self._social_is_suite() or any(
            getattr(self.env[name], "_social_tier_validation", False)
            for name in model_names
            if name in self.env
        )
        if suite:
            raise AccessError(
                self.env._(
                    "Only the administrator of the suite changes its sign-off tiers."
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        model_ids = [vals["model_id"] for vals in vals_list if vals.get("model_id")]
        model_names = self.env["ir.model"].sudo().browse(model_ids).mapped("model")
        self.browse()._social_check_manager(model_names)
        return super().create(vals_list)

    def write(self, vals):
        if not all(name.startswith(_MAIL_FIELDS_PREFIXES) for name in vals):
            model_names = ()
            if vals.get("model_id"):
                model_names = self.env["ir.model"].sudo().browse(vals["model_id"]).model
                model_names = [model_names]
            self._social_check_manager(model_names)
            self.filtered(lambda d: d._social_is_suite())._social_freeze_reviews()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_with_reviews(self):
        self._social_check_manager()
        used = (
            self.env["tier.review"]
            .with_context(active_test=False)
            .search_count([("definition_id", "in", self.ids)], limit=1)
        )
        if used and self._social_is_suite():
            raise UserError(
                self.env._(
                    "A sign-off tier that has reviews cannot be deleted: archive "
                    "it instead, the reviews keep it as their history."
                )
            )

    def _social_freeze_reviews(self):
        """Move the reviews of each definition to an archived copy of it."""
        Review = self.env["tier.review"].with_context(active_test=False)
        reviews = Review.search([("definition_id", "in", self.ids)])
        for definition, def_reviews in reviews.grouped("definition_id").items():
            frozen = definition.copy(
                {
                    "active": False,
                    "name": definition.name,
                    "frozen_from_id": definition.id,
                }
            )
            with social_workflow():
                def_reviews.write({"definition_id": frozen.id})
            definition.message_post(
                body=self.env._(
                    "%(count)s reviews keep this tier as it stood (archived copy "
                    "%(copy)s).",
                    count=len(def_reviews),
                    copy=frozen.id,
                )
            )
