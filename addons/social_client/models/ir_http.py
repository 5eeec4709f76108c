# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import models


class IrHttp(models.AbstractModel):
    _inherit = "ir.http"

    def session_info(self):
        """Staff of the suite land on its overview, unless they chose a home action.

        Only the session's home action is changed: the user's own ``action_id``
        (set in the preferences or by an administrator) always wins.
        """
        info = super().session_info()
        user = self.env.user
        if (
            info.get("uid")
            and not user.action_id
            and user._is_internal()
            and user.has_group("social_client.group_social_user")
        ):
            action = self.env.ref(
                "social_client.social_overview_tile_action_dashboard",
                raise_if_not_found=False,
            )
            if action:
                info["home_action_id"] = action.id
        return info
