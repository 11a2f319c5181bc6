from kemenkumham.ham.behaviors.news_credits import INewsCredits
from plone.app.layout.viewlets import ViewletBase


class NewsCreditsViewlet(ViewletBase):
    """Shows place, reporter, editor and source under the body of a news item."""

    def update(self):
        super().update()
        credits = INewsCredits(self.context)
        self.place = credits.place
        self.dateline = credits.dateline
        self.reporter = credits.reporter
        self.news_editor = credits.news_editor
        self.source_name = credits.source_name
        self.source_url = credits.source_url

    def available(self):
        return any((self.place, self.dateline, self.reporter, self.news_editor, self.source_name))
