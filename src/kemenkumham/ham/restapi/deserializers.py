"""JSON has one number type: a weight of 1 is as good as 1.0."""

from kemenkumham.ham.interfaces import IKemenkumhamHamLayer
from plone.dexterity.interfaces import IDexterityContent
from plone.restapi.deserializer.dxfields import DefaultFieldDeserializer
from plone.restapi.interfaces import IFieldDeserializer
from zope.component import adapter
from zope.interface import implementer
from zope.schema.interfaces import IFloat


@implementer(IFieldDeserializer)
@adapter(IFloat, IDexterityContent, IKemenkumhamHamLayer)
class FloatFieldDeserializer(DefaultFieldDeserializer):
    def __call__(self, value):
        if isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        return super().__call__(value)
