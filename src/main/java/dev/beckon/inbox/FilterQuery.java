package dev.beckon.inbox;

import jakarta.ws.rs.QueryParam;

/** The queue's filters as query parameters, the same for the API and the console (so a filtered view can be bookmarked). */
public class FilterQuery {

    @QueryParam("queue")
    public String queue;
    @QueryParam("priority")
    public String priority;
    @QueryParam("status")
    public String status;
    @QueryParam("assignee")
    public String assignee;

    public Inbox.Filter filter() {
        return new Inbox.Filter(queue, priority, status, assignee);
    }
}
