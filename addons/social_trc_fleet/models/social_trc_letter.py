# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from pytz import timezone, utc

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

from odoo.addons.social_client.models.social_tier_validation import (
    in_social_workflow,
    social_workflow,
)


class SocialTrcLetter(models.Model):
    """An assignment letter (surat tugas): the officers sent to the field,
    for a purpose and a period, with the vehicle. Signed by the Kabid through
    the suite's sign-off; printed with the verification QR. An officer or
    driver sets out on a trip or a service only within the period of a
    signed letter that names them."""

    _name = "social.trc.letter"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "social.tier.validation",
        "social.verifiable.mixin",
    ]
    _description = "Assignment Letter (Surat Tugas)"
    _order = "date desc, id desc"
    _check_company_auto = True
    _state_from = ["draft"]
    _state_to = ["signed"]
    _cancel_state = "cancel"
    _tier_validation_manual_config = False
    _social_workflow_fields = frozenset(
        {"state", "name", "signed_by_id", "date_signed"}
    )

    name = fields.Char(
        string="Number", required=True, readonly=True, copy=False, default="/"
    )
    company_id = fields.Many2one(
        "res.company",
        string="Office",
        required=True,
        index=True,
        default=lambda self: self.env.company,
    )
    state = fields.Selection(
        [("draft", "Draft"), ("signed", "Signed"), ("cancel", "Cancelled")],
        default="draft",
        readonly=True,
        required=True,
        index=True,
        tracking=True,
        copy=False,
    )
    date = fields.Date(
        string="Letter Date", required=True, default=fields.Date.context_today
    )
    employee_ids = fields.Many2many(
        "hr.employee",
        string="Officers",
        required=True,
        check_company=True,
        tracking=True,
    )
    purpose = fields.Text(required=True)
    date_start = fields.Date(string="From", required=True, tracking=True)
    date_end = fields.Date(string="To", required=True, tracking=True)
    vehicle_id = fields.Many2one("fleet.vehicle", check_company=True, tracking=True)
    report_id = fields.Many2one(
        "social.trc.report", string="Complaint", index=True, check_company=True
    )
    signed_by_id = fields.Many2one("res.users", string="Signed by", readonly=True)
    date_signed = fields.Datetime(string="Signed on", readonly=True)

    _check_period = models.Constraint(
        "CHECK (date_end >= date_start)",
        "The period of an assignment letter ends on or after its start.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not in_social_workflow(self.env):
            for vals in vals_list:
                self._social_check_workflow_fields(vals)
        # the number comes from the register only (a workflow field)
        numbers = self.env["ir.sequence"]._next_by_code_batch(
            "social.trc.letter", len(vals_list)
        )
        for vals, number in zip(vals_list, numbers, strict=True):
            vals["name"] = number or "/"
        with social_workflow():
            return super().create(vals_list)

    def _creation_message(self):
        return self._fallback_lang().env._(
            "Assignment letter %(number)s drafted", number=self.name
        )

    def write(self, vals):
        locked = set(vals) & {
            "employee_ids",
            "purpose",
            "date_start",
            "date_end",
            "vehicle_id",
            "date",
        }
        if locked and any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._(
                    "A signed or cancelled assignment letter cannot be changed: "
                    "make a new one."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_only_draft(self):
        if any(rec.state != "draft" for rec in self):
            raise UserError(
                self.env._("Only a draft assignment letter may be deleted.")
            )

    # ------------------------------------------------------------ sign-off

    def request_validation(self):
        self.check_access("write")
        return super().request_validation()

    def _check_can_sign(self):
        self.ensure_one()
        if self.state != "draft" or self.validation_status != "pending":
            raise UserError(
                self.env._(
                    "%(name)s is not waiting for a signature.", name=self.display_name
                )
            )
        return super()._check_can_sign()

    def _tier_excluded_users(self):
        # whoever asks for the signature signs no tier
        return super()._tier_excluded_users() | self.env.user

    def _validate_tier(self, tiers=False):
        self._check_can_sign()
        # sudo: the Kabid's turn was checked above; the Kabid only reads letters
        res = super(SocialTrcLetter, self.sudo())._validate_tier(tiers)
        self.invalidate_recordset()
        if self.validation_status == "validated":
            self.sudo()._action_sign(self.env.user)
        return res

    def _rejected_tier(self, tiers=False):
        self._check_can_sign()
        return super(SocialTrcLetter, self.sudo())._rejected_tier(tiers)

    def _action_sign(self, signer):
        self.ensure_one()
        with social_workflow():
            self.write(
                {
                    "state": "signed",
                    "signed_by_id": signer.id,
                    "date_signed": fields.Datetime.now(),
                }
            )
        self._social_verification_issue(
            kind=self.env._("Assignment Letter"),
            number=self.name,
            date=self.date,
            signer_name=signer.name,
            revoke_group_xmlid="social_client.group_social_kabid",
            signer=signer,
            report="social_trc_fleet.social_trc_letter_report",
        )

    def action_cancel(self):
        """Withdraw a letter not yet signed; a signed letter is withdrawn by
        revoking its verification (the Kabid), which ends its cover too."""
        self.check_access("write")
        for rec in self:
            if rec.state != "draft":
                raise UserError(
                    self.env._(
                        "Only a draft letter is cancelled; a signed letter is "
                        "withdrawn by revoking its verification."
                    )
                )
        with social_workflow():
            self.write({"state": "cancel"})
        return True

    def action_print(self):
        self.ensure_one()
        if self.state != "signed":
            raise UserError(self.env._("Only a signed letter is printed."))
        attachment = self.verification_id.attachment_id
        if not attachment:
            # rendered once, at the first print, then always the stored file
            attachment = self._social_verification_attach(
                self.env._("Assignment Letter %(number)s", number=self.name)
            )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    # ------------------------------------------------------------ coverage

    @api.model
    def _check_covered(self, employees, date_from, date_to, what):
        """Raise unless every employee is named on a signed letter of the
        office whose period covers ``date_from``..``date_to`` (datetimes,
        compared as dates in the office's time zone)."""
        if not employees:
            return
        # the days of the office (its calendar's time zone), whoever clicks
        tz = timezone(
            self.env.company.resource_calendar_id.sudo().tz
            or self.env.user.tz
            or "Asia/Jakarta"
        )
        day_from = utc.localize(date_from).astimezone(tz).date()
        day_to = utc.localize(date_to).astimezone(tz).date()
        # sudo: whether a letter exists is what matters, whoever may read it
        letters = self.sudo().search_fetch(
            Domain("state", "=", "signed")
            & Domain("employee_ids", "in", employees.ids)
            & Domain("date_start", "<=", day_from)
            & Domain("date_end", ">=", day_to),
            ["employee_ids"],
        )
        # a revoked letter covers nobody any more
        revoked = (
            self.env["social.document.verification"]
            .sudo()
            .search_fetch(
                [
                    ("res_model", "=", self._name),
                    ("res_id", "in", letters.ids),
                    ("state", "=", "revoked"),
                ],
                ["res_id"],
            )
        )
        revoked_ids = set(revoked.mapped("res_id"))
        letters = letters.filtered(lambda letter: letter.id not in revoked_ids)
        missing = employees - letters.employee_ids
        if missing:
            raise ValidationError(
                self.env._(
                    "%(what)s cannot start: no signed assignment letter covering "
                    "%(start)s to %(end)s names %(names)s.",
                    what=what,
                    names=", ".join(missing.sudo().mapped("name")),
                    start=day_from,
                    end=day_to,
                )
            )
