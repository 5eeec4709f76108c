# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
from odoo import http
from odoo.http import content_disposition, request
from odoo.tools._vendor.send_file import send_file

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class SocialClientExportController(http.Controller):
    @http.route(
        "/social_client/export/<int:wizard_id>",
        type="http",
        auth="user",
        methods=["GET"],
    )
    def social_client_export(self, wizard_id):
        """Stream the XLSX of an export wizard (social.client.export.wizard),
        which checks the exporter's role and records the export; a transient
        record is readable by its creator only."""
        wizard = request.env["social.client.export.wizard"].browse(wizard_id)
        if not wizard.exists():
            raise request.not_found()
        output, filename = wizard._export_file()
        # streamed from the temporary file in blocks, closed after the send
        response = send_file(
            output,
            request.httprequest.environ,
            mimetype=XLSX,
            as_attachment=True,
            download_name=filename,
            conditional=False,
            etag=False,
            max_age=0,
            response_class=http.Response,
        )
        response.headers["Content-Disposition"] = content_disposition(filename)
        response.headers["Cache-Control"] = "no-store"
        return response
