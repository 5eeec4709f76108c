# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models
from odoo.exceptions import UserError


class SocialTrcWorkflowMixin(models.AbstractModel):
    """The fields of a TRC record that only its buttons set (number, state, the
    moments of its steps): refused in ``create`` and ``write`` unless written by
    the buttons' server code inside ``social_workflow()``; no context key opens
    them. A model lists them in ``_WORKFLOW_FIELDS``."""

    _name = "social.trc.workflow.mixin"
    _description = "TRC Workflow Fields"

    _WORKFLOW_FIELDS = frozenset()

    def _check_workflow_fields(self, vals):
        forbidden = self._WORKFLOW_FIELDS.intersection(vals)
        if forbidden:
            raise UserError(
                self.env._(
                    "%(fields)s of %(model)s are set by its buttons only, never "
                    "directly.",
                    fields=", ".join(
                        self._fields[name].get_description(self.env)["string"]
                        for name in sorted(forbidden)
                    ),
                    model=self.env["ir.model"]._get(self._name).name,
                )
            )
