// License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl.html).
import {Interaction} from "@web/public/interaction";
import {registry} from "@web/core/registry";

/**
 * The queue screen of an outreach day: subscribes to the event's bus channel
 * (the token of the link, checked by the server) and redraws the stations
 * with each notification, without reloading the page.
 */
export class SocialOutreachQueueDisplay extends Interaction {
    static selector = ".o_social_outreach_display";

    setup() {
        this.busService = this.services.bus_service;
        this.busService.addChannel(this.el.dataset.channel);
        this.busService.subscribe("social_outreach/display", (payload) =>
            this.render(payload)
        );
    }

    render(payload) {
        const container = this.el.querySelector(".o_social_outreach_stations");
        if (!container || !payload || !payload.stations) {
            return;
        }
        const doc = this.el.ownerDocument;
        const cards = payload.stations.map((station) => {
            const col = doc.createElement("div");
            col.className = "col-12 col-md-6 col-xl-4 o_social_outreach_station";
            col.dataset.stationId = station.id;
            const card = doc.createElement("div");
            card.className = "card h-100";
            const header = doc.createElement("div");
            header.className = "card-header fs-4 fw-bold";
            header.textContent = station.name;
            const body = doc.createElement("div");
            body.className = "card-body";
            const serving = doc.createElement("div");
            serving.className = "o_serving";
            for (const item of station.serving) {
                const number = doc.createElement("span");
                number.className = "display-4 fw-bold me-3 o_serving_number";
                number.textContent = item.number;
                const name = doc.createElement("span");
                name.className = "fs-3 me-4 o_serving_name";
                name.textContent = item.name;
                serving.append(number, name);
            }
            if (!station.serving.length) {
                const empty = doc.createElement("span");
                empty.className = "display-4";
                empty.textContent = "-";
                serving.append(empty);
            }
            const next = doc.createElement("div");
            next.className = "fs-3 o_next";
            for (const value of station.next) {
                const badge = doc.createElement("span");
                badge.className = "badge text-bg-secondary me-2";
                badge.textContent = value;
                next.append(badge);
            }
            // the labels were rendered by the server in the page's language
            const labels = this.el.querySelectorAll(".card-body .text-muted");
            const nowLabel = doc.createElement("div");
            nowLabel.className = "text-muted";
            nowLabel.textContent = labels[0] ? labels[0].textContent : "";
            const nextLabel = doc.createElement("div");
            nextLabel.className = "text-muted mt-2";
            nextLabel.textContent = labels[1] ? labels[1].textContent : "";
            body.append(nowLabel, serving, nextLabel, next);
            card.append(header, body);
            col.append(card);
            return col;
        });
        container.replaceChildren(...cards);
        this.el.dataset.updates = String(Number(this.el.dataset.updates || 0) + 1);
    }
}

registry
    .category("public.interactions")
    .add("social_outreach.queue_display", SocialOutreachQueueDisplay);
