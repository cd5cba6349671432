#include "core/util/app_identity.h"

#include <QCoreApplication>

namespace qb {

void setApplicationIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("QuantBench"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("quantbench.org"));
    QCoreApplication::setApplicationName(QStringLiteral("QuantBench"));
    QCoreApplication::setApplicationVersion(QStringLiteral(QB_VERSION));
}

} // namespace qb
