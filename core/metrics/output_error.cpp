#include "core/metrics/output_error.h"

#include <QtGlobal>

#include <cmath>

namespace qb {

void OutputErrorAccumulator::add(const RowMatrix& exact, const RowMatrix& approx)
{
    Q_ASSERT(exact.rows() == approx.rows() && exact.cols() == approx.cols());
    m_squaredError += (exact - approx).cast<double>().squaredNorm();
    m_squaredSignal += exact.cast<double>().squaredNorm();
    m_values += exact.size();
    m_rows += exact.rows();
}

OutputErrorMetrics OutputErrorAccumulator::result() const
{
    OutputErrorMetrics metrics;
    metrics.rows = m_rows;
    if (m_values == 0)
        return metrics;
    metrics.mse = m_squaredError / double(m_values);
    metrics.relativeError =
        m_squaredSignal > 0.0 ? std::sqrt(m_squaredError / m_squaredSignal) : 0.0;
    if (m_squaredError > 0.0)
        metrics.sqnrDb = m_squaredSignal > 0.0 ? 10.0 * std::log10(m_squaredSignal / m_squaredError)
                                               : -std::numeric_limits<double>::infinity();
    return metrics;
}

} // namespace qb
