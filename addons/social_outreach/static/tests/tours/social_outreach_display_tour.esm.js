// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import {registry} from "@web/core/registry";

registry.category("web_tour.tours").add("social_outreach_display_tour", {
    steps: () => [
        {
            content: "The screen shows the queue of the stations, nobody called yet",
            trigger:
                ".o_social_outreach_display .o_social_outreach_station .o_next .badge",
        },
        {
            content: "A station calls number 1: the screen shows it without reloading",
            trigger:
                ".o_social_outreach_display[data-updates] .o_serving_number:contains(1)",
            timeout: 20000,
        },
        {
            content: "Only the first name appears next to the number",
            trigger: ".o_serving_name:contains(Sumarni):not(:contains(Wati))",
        },
    ],
});
