# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import http
from odoo.http import request

# lookups of one client address per minute; past it, 429
RATE_LIMIT = 30
PAGE = "social_client.document_verification_page"


class SocialDocumentVerificationController(http.Controller):
    """Public page telling whether a printed document is genuine and valid."""

    def _page_lang(self):
        """The request's language when installed, else Bahasa Indonesia."""
        installed = dict(request.env["res.lang"].get_installed())
        for lang in (request.best_lang, "id_ID"):
            if lang in installed:
                return lang
        return request.env.lang

    def _render_page(self, page, document=None, status=200):
        lang = self._page_lang()
        request.update_context(lang=lang)
        return request.render(
            PAGE,
            {"page": page, "document": document, "lang_code": lang.replace("_", "-")},
            status=status,
            headers=[("Cache-Control", "no-store"), ("X-Robots-Tag", "noindex")],
        )

    @http.route(
        "/social/verify",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=False,
    )
    def verify_form(self, code=None, **kwargs):
        if code:
            Verification = request.env["social.document.verification"]
            normalized = Verification._normalize_code(code)
            if normalized:
                return request.redirect(f"/social/verify/{normalized}")
            return self.verify(code)
        return self._render_page("form")

    @http.route(
        "/social/verify/<string:code>",
        type="http",
        auth="public",
        methods=["GET"],
        sitemap=False,
        readonly=False,
    )
    def verify(self, code, **kwargs):
        client_ip = request.httprequest.remote_addr or ""
        Rate = request.env["social.document.verification.rate"]
        # sudo: the public user counts its own lookups, nothing else
        if Rate.sudo()._hit(client_ip) > RATE_LIMIT:
            return self._render_page("limited", status=429)
        document = request.env["social.document.verification"]._public_lookup(code)
        if document is None:
            return self._render_page("unknown", status=404)
        return self._render_page("found", document=document)
