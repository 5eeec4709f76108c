# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import http
from odoo.http import request

from ..models.ir_websocket import CHANNEL_PREFIX


class SocialOutreachDisplayController(http.Controller):
    """The queue screen of an outreach day, for a TV at the venue: opened
    without a login by the event's unguessable link; queue numbers and first
    names only."""

    @http.route(
        "/social/outreach/display/<string:token>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
    )
    def display(self, token, **kwargs):
        # sudo: the public screen has no rights; the token is its key
        event = (
            request.env["social.outreach.event"]
            .sudo()
            .search([("display_token", "=", token)], limit=1)
            if token and len(token) >= 20
            else None
        )
        if not event:
            raise request.not_found()
        installed = dict(request.env["res.lang"].get_installed())
        lang = next(
            (code for code in (request.best_lang, "id_ID") if code in installed),
            request.env.lang,
        )
        request.update_context(lang=lang)
        return request.render(
            "social_outreach.display_page",
            {
                "data": event.with_context(lang=lang)._display_data(),
                "channel": CHANNEL_PREFIX + token,
                "lang_code": lang.replace("_", "-"),
            },
            headers=[
                ("Cache-Control", "no-store"),
                ("X-Robots-Tag", "noindex"),
                ("Referrer-Policy", "no-referrer"),
            ],
        )
