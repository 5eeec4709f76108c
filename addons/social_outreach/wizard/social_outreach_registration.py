# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.social_client.tools import nik as nik_tools

from ..models.social_outreach_participant import CATEGORIES


class SocialOutreachRegistration(models.TransientModel):
    """The registration desk's one screen: find a client by NIK, or register
    a new one on the spot (with or without identity), add them to the day
    and check them in."""

    _name = "social.outreach.registration"
    _description = "Outreach Registration Desk"

    event_id = fields.Many2one("social.outreach.event", required=True)
    nik = fields.Char(string="NIK")
    client_id = fields.Many2one(
        "social.client",
        string="Registered Client",
        help="The client found by the NIK, or chosen by name.",
    )
    client_found = fields.Boolean(compute="_compute_client_found")
    name = fields.Char(string="Name of a New Client")
    kk_number = fields.Char(string="KK Number")
    no_identity = fields.Boolean(string="Without Identity")
    no_identity_description = fields.Text(string="Description of the Person")
    gender = fields.Selection([("male", "Male"), ("female", "Female")])
    birth_date = fields.Date()
    village_id = fields.Many2one(
        "social.region", string="Village", domain="[('level', '=', 'village')]"
    )
    category = fields.Selection(CATEGORIES, required=True, default="disability")
    ktp_checked = fields.Boolean(string="KTP Copy Checked")
    kk_checked = fields.Boolean(string="KK Copy Checked")
    check_in = fields.Boolean(
        string="Check In Now",
        default=lambda self: self._default_check_in(),
        help="Give the queue number at once (the day must be in progress).",
    )

    @api.model
    def _default_check_in(self):
        event = self.env["social.outreach.event"].browse(
            self.env.context.get("default_event_id")
        )
        return event.exists().state == "in_progress"

    @api.depends("client_id")
    def _compute_client_found(self):
        for wizard in self:
            wizard.client_found = bool(wizard.client_id)

    @api.onchange("nik")
    def _onchange_nik(self):
        number = "".join((self.nik or "").split())
        if len(number) == 16:
            self.client_id = self.env["social.client"].search(
                [("nik", "=", number)], limit=1
            )

    def _client_vals(self):
        self.ensure_one()
        if not (self.name or "").strip():
            raise UserError(
                self.env._(
                    "No client has this NIK: type the name of the new client, or "
                    "choose a registered client."
                )
            )
        vals = {
            "name": self.name,
            "gender": self.gender,
            "birth_date": self.birth_date,
            "village_id": self.village_id.id or self.event_id.village_id.id,
            "company_id": self.event_id.company_id.id,
        }
        if self.no_identity:
            if not (self.no_identity_description or "").strip():
                raise UserError(
                    self.env._(
                        "Describe the person registered without identity: "
                        "appearance, where they live, what they could tell."
                    )
                )
            vals.update(
                no_identity=True,
                no_identity_description=self.no_identity_description,
            )
        else:
            if not self.nik:
                raise UserError(
                    self.env._(
                        "Type the NIK of the new client, or tick Without Identity."
                    )
                )
            vals.update(nik=self.nik, kk_number=self.kk_number)
        return {k: v for k, v in vals.items() if v not in (False, None, "")}

    def _find_client(self):
        """The client of the NIK typed, in this office; a NIK of another
        office is refused (one person, one office's register)."""
        self.ensure_one()
        if self.client_id:
            return self.client_id
        if not self.nik or self.no_identity:
            return self.env["social.client"]
        parsed = nik_tools.parse_nik(
            "".join(self.nik.split()), fields.Date.context_today(self)
        )
        if not parsed.valid:
            raise UserError(parsed.message(self.env))
        client = self.env["social.client"].search(
            [("nik", "=", parsed.number)], limit=1
        )
        # sudo: only whether the NIK exists elsewhere, nothing of the person
        if not client and self.env["social.client"].sudo().search_count(
            [("nik", "=", parsed.number)], limit=1
        ):
            raise UserError(
                self.env._(
                    "This NIK is registered by another office: ask that office "
                    "to transfer the client."
                )
            )
        return client

    def _register_participant(self):
        """Find or create the client, add them to the day, check in; return
        the participant."""
        self.ensure_one()
        event = self.event_id
        client = self._find_client()
        if not client:
            client = self.env["social.client"].create(self._client_vals())
            source = "walk_in"
        else:
            source = "walk_in" if event.state == "in_progress" else "invited"
        Participant = self.env["social.outreach.participant"]
        participant = Participant.search(
            [("event_id", "=", event.id), ("client_id", "=", client.id)]
        )
        if not participant:
            participant = Participant.create(
                {
                    "event_id": event.id,
                    "client_id": client.id,
                    "category": self.category,
                    "source": source,
                    "ktp_checked": self.ktp_checked,
                    "kk_checked": self.kk_checked,
                }
            )
        elif self.ktp_checked or self.kk_checked:
            participant.write(
                {
                    "ktp_checked": participant.ktp_checked or self.ktp_checked,
                    "kk_checked": participant.kk_checked or self.kk_checked,
                }
            )
        if self.check_in:
            participant.action_check_in()
        return participant

    def action_register(self):
        participant = self._register_participant()
        return {
            "type": "ir.actions.act_window",
            "res_model": participant._name,
            "res_id": participant.id,
            "view_mode": "form",
            "target": "current",
        }

    def action_register_next(self):
        """Register and open an empty desk screen for the next person."""
        self._register_participant()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Register a Participant"),
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {"default_event_id": self.event_id.id},
        }
